import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, TEAM_EAST, TEAM_NORTH, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { Activity } from '../api/activity'

function entry(overrides: Partial<Activity>): Activity {
  return {
    id: overrides.action ?? 'a',
    at: '2026-11-20T06:30:00Z',
    actor_id: 'u-pmo',
    actor_name: 'Li Wei',
    action: 'deal.updated',
    entity_type: 'deal',
    entity_id: 'd-1',
    before: null,
    after: null,
    ...overrides,
  }
}

const milestone = { name: 'Tender published', owner_role: 'pmo', status: 'planned', planned_start: '2026-11-20', planned_due: '2026-12-01', gate: true }
const deal = { name: 'City data platform', team_id: TEAM_NORTH, amount_minor: 100_000, currency: 'CNY', status: 'open' }

const firstPage = {
  items: [
    entry({
      id: 'e1',
      action: 'milestone.updated',
      entity_type: 'milestone',
      before: milestone,
      after: { ...milestone, planned_due: '2026-12-15', status: 'done' },
    }),
    entry({ id: 'e2', action: 'deal.updated', before: deal, after: { ...deal, team_id: TEAM_EAST, amount_minor: 250_000 } }),
    entry({
      id: 'e3',
      action: 'deal.team_set',
      entity_type: 'team',
      before: [{ user_id: 'u-pmo', role: 'pmo' }],
      after: [{ user_id: 'u-pmo', role: 'pmo' }, { user_id: 'u-am', role: 'business' }],
    }),
  ],
  next_cursor: 'c2',
}
const secondPage = {
  items: [
    entry({ id: 'e4', action: 'plan.rescheduled', entity_type: 'milestone', after: [{ milestone_id: 'm', name: 'Award', from_due: '2026-12-01', to_due: '2026-12-08' }] }),
    entry({ id: 'e5', action: 'stakeholder.moved' as Activity['action'], actor_name: null, actor_id: null }),
  ],
  next_cursor: null,
}

describe('activity tab', () => {
  it('renders each change as a sentence with its before → after, newest first, and loads more', async () => {
    const fetchMock = mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /users': usersPage,
      'GET /deals/d-1': aDeal(),
      'GET /deals/d-1/activity': ({ query }: MockRequest) => jsonResponse(200, query.get('cursor') === 'c2' ? secondPage : firstPage),
    })
    renderApp('/deals/d-1/activity')

    expect(await screen.findByText('Li Wei changed the milestone “Tender published”')).toBeInTheDocument()
    expect(screen.getByText('Planned due: Dec 1, 2026 → Dec 15, 2026')).toBeInTheDocument()
    expect(screen.getByText('Status: planned → done')).toBeInTheDocument()
    expect(screen.queryByText(/^Name:/)).not.toBeInTheDocument()
    expect(await screen.findByText('Team: Government Business / North China → Government Business / East China')).toBeInTheDocument()
    expect(screen.getByText('Amount: CN¥1,000.00 → CN¥2,500.00')).toBeInTheDocument()
    expect(await screen.findByText('Added Wang Fang as business')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /deals/d-1/activity')[0]?.query.get('sort')).toBe('-at')

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))

    expect(await screen.findByText('Li Wei rescheduled the plan (1 moved)')).toBeInTheDocument()
    expect(screen.getByText('Award: due Dec 1, 2026 → Dec 8, 2026')).toBeInTheDocument()
    // An action this UI does not know is shown by its code.
    expect(screen.getByText('Summit: stakeholder.moved')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })

  it('speaks Chinese to a user whose profile is in Chinese', async () => {
    mockApi({
      'GET /me': { ...pmoSession, user: { ...pmoSession.user, locale: 'zh-CN' } },
      'GET /teams': teamsPage,
      'GET /users': usersPage,
      'GET /deals/d-1': aDeal(),
      'GET /deals/d-1/activity': { items: firstPage.items.slice(0, 1), next_cursor: null },
    })
    renderApp('/deals/d-1/activity')

    expect(await screen.findByText('Li Wei 修改了里程碑“Tender published”')).toBeInTheDocument()
    expect(screen.getByText('计划完成: 2026年12月1日 → 2026年12月15日')).toBeInTheDocument()
    expect(screen.getByText('状态: 计划中 → 已完成')).toBeInTheDocument()
  })

  it('words a judgement change with its before → after', async () => {
    const judgement = { forecast_category: 'pipeline', manual_probability: null, judgement_note: '' }
    mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /users': usersPage,
      'GET /deals/d-1': aDeal(),
      'GET /deals/d-1/activity': {
        items: [
          entry({
            id: 'j1',
            action: 'deal.judgement_updated',
            before: judgement,
            after: { forecast_category: 'commit', manual_probability: 0.75, judgement_note: 'Budget approved' },
          }),
        ],
        next_cursor: null,
      },
    })
    renderApp('/deals/d-1/activity')

    expect(await screen.findByText('Li Wei changed the judgement')).toBeInTheDocument()
    expect(screen.getByText('Forecast category: Pipeline → Commit')).toBeInTheDocument()
    expect(screen.getByText('Manual probability: — → 75%')).toBeInTheDocument()
    expect(screen.getByText('Judgement note: — → Budget approved')).toBeInTheDocument()
  })
})
