import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DealStatus } from '../../../lib/deals'

const COLORS: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'red', abandoned: 'gray' }

/** A deal's status as a coloured badge in the UI language. */
export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`deals.status.${status}`)}
    </Badge>
  )
}
