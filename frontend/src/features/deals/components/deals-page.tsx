import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useEffect, useEffectEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { PageHeader } from '../../../components/page-header'
import { ApiError } from '../../../lib/api-client'
import type { Deal } from '../../../lib/deals'
import { useSignedIn } from '../../../lib/session'
import { useDeals, useDealsSummary } from '../api/deals'
import { isFiltered, useDealFilters } from '../use-deal-filters'
import { DealsEmpty } from './deals-empty'
import { DealsPager } from './deals-pager'
import { DealsSummary } from './deals-summary'
import { DealsTable } from './deals-table'
import { DealsToolbar } from './deals-toolbar'
import { NewDealModal } from './new-deal-modal'

/** `/deals`: the deals the user may read, filtered, searched, sorted and paged through the URL. */
export function DealsPage() {
  const { t } = useTranslation()
  const session = useSignedIn()
  const location = useLocation()
  const list = useDealFilters()
  const { filters } = list
  const deals = useDeals(filters, session.user.id)
  const summary = useDealsSummary(filters, session.user.id)
  const [creating, setCreating] = useState(false)
  // Members create deals in their own teams; admins in any. The server checks again.
  const canCreate = session.user.role === 'admin' || session.user.team_ids.length > 0

  // A cursor from an old link, or one the server no longer accepts, starts the list again.
  const badCursor = deals.error instanceof ApiError && deals.error.status === 400 && 'cursor' in deals.error.fields
  // Only when the error appears; dropCursor is a new function on every render.
  const dropCursor = useEffectEvent(() => list.dropCursor())
  useEffect(() => {
    if (badCursor) dropCursor()
  }, [badCursor])

  // A period outside the confidence Summit keeps, with a confidence filter or sort, is 422 on `period`.
  const periodOutOfRange = deals.error instanceof ApiError && deals.error.status === 422 && 'period' in deals.error.fields

  const href = (deal: Deal) => `/deals/${deal.id}`
  const items = deals.data?.items

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageHeader title={t('deals.title')} description={t('deals.description')} />
        {canCreate && (
          <Button onClick={() => setCreating(true)} style={{ flexShrink: 0 }}>
            {t('deals.new')}
          </Button>
        )}
      </Group>
      <DealsToolbar filters={filters} onChange={list.setFilters} />
      {!deals.isError && <DealsSummary summary={summary.data} />}
      {periodOutOfRange ? (
        <Alert color="orange" variant="light" role="alert">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('confidence.list.periodOutOfRange')}</Text>
            <Button size="xs" variant="white" color="orange"
              onClick={() => list.setFilters({ minConfidence: undefined, maxConfidence: undefined, sort: filters.sort.endsWith('confidence') ? 'target_close_date' : filters.sort })}>
              {t('confidence.list.clearConfidence')}
            </Button>
          </Group>
        </Alert>
      ) : (
        !badCursor && <ErrorAlert error={deals.error} />
      )}
      {items?.length === 0 ? (
        <DealsEmpty filtered={isFiltered(filters)} onClear={list.clearFilters} />
      ) : (
        !deals.isError && (
          <DealsTable
            deals={items}
            period={filters.period}
            loading={deals.isPending}
            sort={filters.sort}
            onSort={(sort) => list.setFilters({ sort })}
            hrefOf={href}
            // The workspace's "back" link returns to this very list: filters, order and page.
            linkState={{ list: location.search }}
          />
        )
      )}
      <DealsPager
        hasPrevious={list.hasPrevious}
        nextCursor={deals.data?.next_cursor}
        loading={deals.isFetching}
        onPrevious={list.previous}
        onNext={list.next}
      />
      <NewDealModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  )
}
