import { Anchor, Button, Center, Loader, Stack, Tabs } from '@mantine/core'
import { lazy, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router'
import { ErrorAlert } from '../components/error-alert'
import { PageHeader } from '../components/page-header'
import { DealTeamAvatars } from '../features/deal-team/components/team-avatars'
import { useDeal } from '../features/deals/api/deals'
import { DealHeader } from '../features/deals/components/deal-header'
import { CommittedBaselineNote } from '../features/plan/components/committed-baseline-note'
import { ConfidenceSummary } from '../features/deals/confidence/confidence-summary'
import { ApiError } from '../lib/api-client'
import { PageLoader } from './page-loader'

// Each tab's code (the plan's Gantt chart, the stakeholders' power map, …) is fetched when the tab
// is first opened, not with the workspace; a chunk that fails to load lands in RouteErrorPage.
const PlanTab = lazy(async () => ({ default: (await import('../features/plan/plan-tab')).PlanTab }))
const ConfidencePanel = lazy(async () => ({ default: (await import('../features/deals/confidence/confidence-panel')).ConfidencePanel }))
const StakeholdersTab = lazy(async () => ({ default: (await import('../features/stakeholders/stakeholders-tab')).StakeholdersTab }))
const RetrospectivesTab = lazy(async () => ({ default: (await import('../features/retrospectives/retrospectives-tab')).RetrospectivesTab }))
const TeamTab = lazy(async () => ({ default: (await import('../features/deal-team/components/team-tab')).TeamTab }))
const ActivityTab = lazy(async () => ({ default: (await import('../features/activity/components/activity-tab')).ActivityTab }))
// The confidence panel words the activity between two snapshots as the Activity tab does.
const ActivitySentence = lazy(async () => ({ default: (await import('../features/activity/components/activity-sentence')).ActivitySentence }))

/** One tab's panel, with a loader while the tab's code arrives. */
function Panel({ value, children }: { value: WorkspaceTab; children: ReactNode }) {
  return (
    <Tabs.Panel value={value}>
      <Suspense fallback={<PageLoader />}>{children}</Suspense>
    </Tabs.Panel>
  )
}

/** The workspace tabs that have content; each has its own URL, `/deals/:id/<tab>`. */
export const WORKSPACE_TABS = ['plan', 'confidence', 'stakeholders', 'retrospectives', 'team', 'activity'] as const
type WorkspaceTab = (typeof WORKSPACE_TABS)[number]

/**
 * `/deals/:id` and `/deals/:id/:tab`: one deal's header, its confidence at a glance, and its Plan, Confidence, Stakeholders,
 * Retrospectives, Team and Activity tabs (Plan by default). `?period=` picks the confidence's period and stays across tabs. A deal the user may not read answers 404, shown as "not found".
 */
export function DealWorkspace() {
  const { t } = useTranslation()
  const { id = '', tab } = useParams()
  const navigate = useNavigate()
  const location = useLocation()
  const deal = useDeal(id)
  // The list's filters when the deal was opened from it, so "back" returns to the same list.
  const listSearch = (location.state as { list?: string } | null)?.list ?? ''
  const back = (
    <Anchor component={Link} to={`/deals${listSearch}`} size="sm">
      ← {t('deals.backToList')}
    </Anchor>
  )

  if (tab !== undefined && !WORKSPACE_TABS.includes(tab as WorkspaceTab)) return <Navigate to={`/deals/${id}`} replace />
  if (deal.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('workspace.loading')} />
      </Center>
    )
  }
  if (deal.isError) {
    // 404: hidden or gone; 400: not even a deal id. Both are "no such deal" to the user.
    const missing = deal.error instanceof ApiError && (deal.error.status === 404 || deal.error.status === 400)
    return (
      <Stack align="flex-start">
        {missing ? <PageHeader title={t('workspace.notFoundTitle')} description={t('workspace.notFound')} /> : <ErrorAlert error={deal.error} />}
        {!missing && <Button onClick={() => void deal.refetch()}>{t('workspace.retry')}</Button>}
        <Anchor component={Link} to="/deals">
          {t('workspace.backToDeals')}
        </Anchor>
      </Stack>
    )
  }

  const active: WorkspaceTab = (tab as WorkspaceTab | undefined) ?? 'plan'
  const permissions = deal.data.permissions ?? []
  return (
    <>
      {back}
      <DealHeader
        deal={deal.data}
        team={<DealTeamAvatars team={deal.data.team} />}
        baselineNote={<CommittedBaselineNote dealId={deal.data.id} />}
        details={active !== 'confidence' && <ConfidenceSummary dealId={deal.data.id} />}
      />
      <Tabs
        value={active}
        onChange={(value) => value && void navigate({ pathname: `/deals/${id}/${value}`, search: location.search }, { state: location.state })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('workspace.tabs')} mb="md">
          <Tabs.Tab value="plan">{t('workspace.plan')}</Tabs.Tab>
          <Tabs.Tab value="confidence">{t('workspace.confidence')}</Tabs.Tab>
          <Tabs.Tab value="stakeholders">{t('workspace.stakeholders')}</Tabs.Tab>
          <Tabs.Tab value="retrospectives">{t('workspace.retrospectives')}</Tabs.Tab>
          <Tabs.Tab value="team">{t('workspace.team')}</Tabs.Tab>
          <Tabs.Tab value="activity">{t('workspace.activity')}</Tabs.Tab>
        </Tabs.List>
        <Panel value="plan">
          <PlanTab dealId={deal.data.id} permissions={permissions} targetClose={deal.data.target_close_date} team={deal.data.team} />
        </Panel>
        <Panel value="confidence">
          <ConfidencePanel deal={deal.data} ActivityText={ActivitySentence} />
        </Panel>
        <Panel value="stakeholders">
          <StakeholdersTab dealId={deal.data.id} customerId={deal.data.customer_id} permissions={permissions} />
        </Panel>
        <Panel value="retrospectives">
          <RetrospectivesTab dealId={deal.data.id} permissions={permissions} />
        </Panel>
        <Panel value="team">
          <TeamTab deal={deal.data} />
        </Panel>
        <Panel value="activity">
          <ActivityTab dealId={deal.data.id} />
        </Panel>
      </Tabs>
    </>
  )
}
