import { Alert, Anchor, Center, Loader, Text, Timeline } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { LoadMoreButton } from '../../../components/load-more-button'
import { useFormat } from '../../../lib/format'
import { useCustomerNames, useDealActivity, type Activity, type ActivityRange } from '../api/activity'
import { fieldChanges } from '../changes'
import { ActivityDetails } from './activity-details'
import { useActivitySentence } from './use-activity-sentence'
import { useValueFormat } from './use-value-format'

/** Customer ids that changed in these entries, to fetch their names. */
function changedCustomers(entries: Activity[]): string[] {
  const ids = new Set<string>()
  for (const entry of entries) {
    for (const change of fieldChanges(entry.before, entry.after)) {
      if (change.field !== 'customer_id') continue
      for (const id of [change.before, change.after]) if (typeof id === 'string') ids.add(id)
    }
  }
  return [...ids]
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The days in the address (`?from=&to=`, as "what changed" links), ignoring anything else. */
function useActivityRange(): ActivityRange {
  const [search] = useSearchParams()
  const day = (name: string) => {
    const value = search.get(name)
    return value && DAY.test(value) ? value : undefined
  }
  return { from: day('from'), to: day('to') }
}

/** Which days the tab shows, with a way back to the whole trail. */
function RangeNote({ range }: { range: ActivityRange }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (!range.from && !range.to) return null
  return (
    <Alert variant="light" mb="md">
      <Text size="sm" component="span">
        {t('whatChanged.activityRange', { from: range.from ? format.date(range.from) : '…', to: range.to ? format.date(range.to) : '…' })}
      </Text>{' '}
      <Anchor component={Link} to={{ search: '' }} size="sm">{t('whatChanged.activityAll')}</Anchor>
    </Alert>
  )
}

/** The Activity tab: every change to the deal, its team, plan and baselines, newest first (within `?from=&to=` when given). */
export function ActivityTab({ dealId }: { dealId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const range = useActivityRange()
  const activity = useDealActivity(dealId, range)
  const entries = activity.data?.pages.flatMap((page) => page.items) ?? []
  const values = useValueFormat(useCustomerNames(changedCustomers(entries)))
  const sentence = useActivitySentence()

  if (activity.isPending) return <Center py="xl"><Loader size="sm" aria-label={t('common.loading')} /></Center>
  if (activity.isError) return <ErrorAlert error={activity.error} />
  if (entries.length === 0) return <><RangeNote range={range} /><Text c="dimmed">{t('activity.empty')}</Text></>

  return (
    <>
      <RangeNote range={range} />
      <Timeline bulletSize={14} lineWidth={2} aria-label={t('activity.title')}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} title={<Text size="sm" fw={600}>{sentence(entry)}</Text>}>
            <Text size="xs" c="dimmed" component="time" dateTime={entry.at} title={format.instant(entry.at)}>
              {format.relative(entry.at)} · {format.instant(entry.at)}
            </Text>
            <ActivityDetails entry={entry} values={values} />
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadMoreButton query={activity} />
    </>
  )
}
