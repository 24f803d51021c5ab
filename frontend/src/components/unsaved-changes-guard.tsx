import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Guards a drawer's form against losing unsaved edits: `requestClose` closes at once when the
 * form is clean, and otherwise asks first ("Discard changes" / "Keep editing"). Render `dialog`
 * next to the drawer; wire the drawer's onClose and its Cancel button to `requestClose`.
 */
export function useUnsavedChangesGuard(isDirty: () => boolean, onClose: () => void): { requestClose: () => void; dialog: ReactNode } {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const requestClose = () => (isDirty() ? setAsking(true) : onClose())
  const dialog = (
    <Modal opened={asking} onClose={() => setAsking(false)} title={t('feedback.unsaved.title')} centered zIndex={400}>
      <Stack>
        <Text size="sm">{t('feedback.unsaved.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)} data-autofocus>{t('feedback.unsaved.keep')}</Button>
          <Button color="red" onClick={() => { setAsking(false); onClose() }}>{t('feedback.unsaved.discard')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
  return { requestClose, dialog }
}
