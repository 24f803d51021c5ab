import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { useUpdateStakeholder } from '../api/stakeholder-mutations'
import type { Stakeholder, Stance } from '../api/types'
import { StanceBadge } from './stance-menu'
import { LIMITS } from '../../../lib/limits'

/**
 * The quick stance change: asks why (required) and saves the stance with the note, based on
 * the person's version. On a 412 the choice and the note stay while "Reload" fetches the
 * current version, and saving again is based on it.
 */
export function StanceChangeDialog({ dealId, person, stance, onReload, onClose }: {
  dealId: string
  person: Stakeholder
  stance: Stance
  onReload: () => Promise<unknown>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const update = useUpdateStakeholder(dealId)
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!note.trim()) return setMissing(true)
    update.mutate({ id: person.id, version: person.version, changes: { stance, note: note.trim() } }, { onSuccess: onClose })
  }
  const reload = async () => {
    await onReload()
    update.reset()
  }

  return (
    <Modal opened onClose={onClose} title={t('stakeholders.stanceChange.title', { name: person.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group gap="xs" aria-label={t('stakeholders.fields.stance')}>
            <StanceBadge stance={person.stance} />
            <Text aria-hidden="true">→</Text>
            <StanceBadge stance={stance} />
          </Group>
          <Textarea
            label={t('stakeholders.stanceChange.note')}
            description={t('stakeholders.stanceChange.noteHint')}
            required
           
            rows={3}
            maxLength={LIMITS.reason}
            data-autofocus
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value)
              setMissing(false)
            }}
            error={missing ? t('stakeholders.errors.noteRequired') : update.error instanceof ApiError ? (update.error.fields.note ?? update.error.fields.stance) : undefined}
          />
          <ErrorAlert error={update.error} onReload={() => void reload()} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={update.isPending}>{t('stakeholders.stanceChange.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
