import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { useDeleteTarget, useReloadTargets, type Target } from '../api/targets'

/** Confirms clearing a target (`DELETE /targets/{id}` with If-Match). */
export function ClearTargetDialog({ target, name, periodLabel, onClose }: { target: Target; name: string; periodLabel: string; onClose: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteTarget()
  const reload = useReloadTargets()
  return (
    <ConfirmDialog
      opened
      title={t('targets.clearTitle')}
      message={t('targets.clearMessage', { name, period: periodLabel })}
      confirmLabel={t('targets.clearConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onReload={() => void reload().then(() => remove.reset())}
      onClose={onClose}
      onConfirm={() => remove.mutate(target, { onSuccess: onClose })}
    />
  )
}
