import { Group, Select, Switch, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEAL_STATUSES, SEGMENTS, type DealStatus, type Segment } from '../../../lib/deals'
import type { DealFilters } from '../api/deals'
import { CustomerSelect } from './customer-select'
import { PercentFilter } from './percent-filter'
import { PeriodSelect } from './period-select'
import { TeamSelect } from './team-select'

const SEARCH_DELAY_MS = 300
const FIELD_WIDTH = 190

/** Search and filters above the deals table; every change goes to the URL through `onChange`. */
export function DealsToolbar({ filters, onChange }: { filters: DealFilters; onChange: (changes: Partial<DealFilters>) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState(filters.q)
  // The search this box last sent to the URL: its own change coming back is not a reason to
  // touch the box (the user may have typed on since; resetting it would drop those letters).
  const [committed, setCommitted] = useState(filters.q)
  const commitSearch = useDebouncedCallback((q: string) => {
    setCommitted(q.trim())
    onChange({ q: q.trim() })
  }, SEARCH_DELAY_MS)
  const all = t('deals.filters.all')
  // Back, forward and "clear filters" change the URL under the box; show their search, not the
  // one typed before. Adjusted while rendering (not in an effect), so no frame shows the old one.
  const [shownQ, setShownQ] = useState(filters.q)
  if (shownQ !== filters.q) {
    setShownQ(filters.q)
    if (filters.q !== committed) setSearch((typed) => (typed.trim() === filters.q ? typed : filters.q))
  }

  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('deals.filters.search')}
        placeholder={t('deals.filters.searchPlaceholder')}
        type="search"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value)
          commitSearch(event.currentTarget.value)
        }}
        w={240}
      />
      <Select
        label={t('deals.filters.segment')}
        placeholder={all}
        clearable
        w={FIELD_WIDTH}
        data={SEGMENTS.map((segment) => ({ value: segment, label: t(`deals.segment.${segment}`) }))}
        value={filters.segment ?? null}
        onChange={(value) => onChange({ segment: (value as Segment | null) ?? undefined })}
      />
      <TeamSelect
        label={t('deals.filters.team')}
        placeholder={all}
        clearable
        w={FIELD_WIDTH + 60}
        value={filters.team ?? null}
        onChange={(value) => onChange({ team: value ?? undefined })}
      />
      {/* Open deals by default (the list's default); "All" is a choice of its own, reachable by keyboard. */}
      <Select
        label={t('deals.filters.status')}
        allowDeselect={false}
        w={FIELD_WIDTH - 40}
        data={[{ value: 'all', label: all }, ...DEAL_STATUSES.map((status) => ({ value: status, label: t(`deals.status.${status}`) }))]}
        value={filters.status ?? 'all'}
        onChange={(value) => onChange({ status: value === 'all' || value === null ? undefined : (value as DealStatus) })}
      />
      <PeriodSelect
        label={t('deals.filters.period')}
        placeholder={all}
        clearable
        w={FIELD_WIDTH - 20}
        value={filters.period ?? null}
        onChange={(value) => onChange({ period: value ?? undefined })}
      />
      <PercentFilter
        key={`min-${filters.minConfidence}`}
        label={t('confidence.list.min')}
        w={FIELD_WIDTH - 50}
        value={filters.minConfidence}
        onChange={(value) => onChange({ minConfidence: value })}
      />
      <PercentFilter
        key={`max-${filters.maxConfidence}`}
        label={t('confidence.list.max')}
        w={FIELD_WIDTH - 50}
        value={filters.maxConfidence}
        onChange={(value) => onChange({ maxConfidence: value })}
      />
      <CustomerSelect
        label={t('deals.filters.customer')}
        placeholder={all}
        w={FIELD_WIDTH + 30}
        value={filters.customer ?? null}
        onChange={(value) => onChange({ customer: value ?? undefined })}
      />
      <Switch
        label={t('deals.filters.mine')}
        checked={filters.mine}
        onChange={(event) => onChange({ mine: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  )
}
