import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { useDeleteTemplate, useReloadTemplates } from '../api/template-mutations'
import type { Template } from '../api/templates'
import { localName } from '../template-draft'

/** Confirms deleting a custom template; deals laid out from it keep their plans. */
export function DeleteTemplateDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const remove = useDeleteTemplate()
  const reload = useReloadTemplates()
  return (
    <ConfirmDialog
      opened
      title={t('adminTemplates.deleteTitle', { name: localName(template, i18n.language) })}
      message={t('adminTemplates.deleteMessage')}
      confirmLabel={t('adminTemplates.deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onReload={reload}
      onClose={onClose}
      onConfirm={() => remove.mutate(template, { onSuccess: onClose })}
    />
  )
}
