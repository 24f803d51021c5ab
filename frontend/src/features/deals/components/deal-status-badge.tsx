import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DealStatus } from '../../../lib/deals'

const COLORS: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'red', abandoned: 'gray' }

/** A deal's status as a coloured badge in the UI language, never cut short ("ABANDON…"): it is as wide as its word. */
export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'} data-status={status}
      styles={{ root: { flexShrink: 0, minWidth: 'max-content', maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {t(`deals.status.${status}`)}
    </Badge>
  )
}
