import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import type { Session } from '../../lib/session'
import { aUser } from '../../test/fixtures'
import { pmoSession, teamsPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import { aReport, emptyBins } from './calibration-fixtures'

// The page's code loads inside the test (a lazy route): room for a busy machine.
const SLOW = { timeout: 45_000 }
const executive: Session = {
  user: aUser({ id: 'u-exec', email: 'exec@summit.example', name: 'Zhao Min', role: 'executive' }),
  csrf_token: 'csrf-exec',
  permissions: ['users:read', 'teams:read', 'targets:read', 'targets:write', 'calibration:read'],
}
const templates = {
  items: [
    { id: 'tpl-g2b', key: 'g2b', builtin: true, name: 'G2B public procurement', name_zh: '政府采购', segment: 'g2b', version: 1 },
    { id: 'tpl-ka', key: 'key_account', builtin: true, name: 'Key-account programme', name_zh: '大客户项目', segment: 'key_account', version: 1 },
  ],
  next_cursor: null,
}
const routes = {
  'GET /me': executive,
  'GET /teams': teamsPage,
  'GET /templates': templates,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
}

describe('calibration page', () => {
  it('shows the Brier score and log loss with what they mean, the reliability diagram and each band with its counts', SLOW, async () => {
    mockApi({ ...routes, 'GET /calibration': aReport() })
    renderApp('/board/calibration')

    const brier = await screen.findByRole('group', { name: 'Brier score' }, SLOW)
    expect(brier).toHaveTextContent('0.233')
    expect(brier).toHaveTextContent('Better than a coin toss (0.250)')
    expect(brier).toHaveTextContent('always saying 50 % scores 0.25')
    const logLoss = screen.getByRole('group', { name: 'Log loss' })
    expect(logLoss).toHaveTextContent('0.635')
    expect(logLoss).toHaveTextContent('Better than a coin toss (0.693)')
    expect(screen.getByText(/5 closed deals scored \(2 won, 3 lost\), each with the confidence it had 90 days before it closed\. 1 more closed deal has no snapshot that early/)).toBeInTheDocument()
    expect(await screen.findByRole('img', { name: /Reliability diagram: predicted confidence against the observed win rate in 4 bands with deals/ }, SLOW)).toBeInTheDocument()
    const table = within(screen.getByRole('table', { name: 'Bands' }))
    expect(table.getAllByRole('row')).toHaveLength(11)
    expect(table.getByRole('row', { name: /30–40 %/ })).toHaveTextContent('30–40 %2133%50%')
    expect(table.getByRole('row', { name: /50–60 %/ })).toHaveTextContent('50–60 %00——')
  })

  it('keeps the lead time, segment and template in the URL and asks the API for them', SLOW, async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /calibration': (request: MockRequest) => jsonResponse(200, aReport({ lead_days: Number(request.query.get('lead_days')) as 90 | 60 | 30 })),
    })
    const { router } = renderApp('/board/calibration')
    await screen.findByRole('group', { name: 'Brier score' }, SLOW)
    const asked = () => requestsTo(fetchMock, 'GET /calibration').at(-1)!.query
    expect(asked().get('lead_days')).toBe('90')
    expect(asked().has('segment')).toBe(false)

    const controls = within(screen.getByRole('group', { name: 'Calibration filters' }))
    await userEvent.click(controls.getByText('30 days before close'))
    await waitFor(() => expect(router.state.location.search).toBe('?lead_days=30'))
    await waitFor(() => expect(asked().get('lead_days')).toBe('30'))

    await userEvent.click(controls.getByRole('combobox', { name: 'Segment' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Key account' }))
    await waitFor(() => expect(asked().get('segment')).toBe('key_account'))

    // Only the segment's templates are offered.
    await userEvent.click(controls.getByRole('combobox', { name: 'Template' }))
    expect(await screen.findByRole('option', { name: 'Key-account programme' })).toBeInTheDocument()
    expect(screen.queryByRole('option', { name: 'G2B public procurement' })).toBeNull()
    await userEvent.click(screen.getByRole('option', { name: 'Key-account programme' }))
    await waitFor(() => expect(router.state.location.search).toBe('?lead_days=30&segment=key_account&template_id=tpl-ka'))
    await waitFor(() => expect(asked().get('template_id')).toBe('tpl-ka'))
  })

  it.each([
    ['no closed deals', { closed_deals: 0 }, /No deals that match have been won or lost yet/],
    ['closed deals without snapshots that early', { closed_deals: 3 }, /3 deals that match have closed, but Summit has no snapshot of their confidence from 90 days before they closed/],
  ])('explains that there is nothing to score with %s', SLOW, async (_, overrides, text) => {
    mockApi({ ...routes, 'GET /calibration': aReport({ ...overrides, count: 0, won: 0, lost: 0, brier: null, log_loss: null, reliability: emptyBins() }) })
    renderApp('/board/calibration')
    expect(await screen.findByText(text, {}, SLOW)).toBeInTheDocument()
    expect(screen.getByText('Nothing to score yet')).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: 'Brier score' })).toBeNull()
  })

  it('speaks Chinese', SLOW, async () => {
    await i18n.changeLanguage('zh-CN')
    mockApi({ ...routes, 'GET /me': { ...executive, user: { ...executive.user, locale: 'zh-CN' } }, 'GET /calibration': aReport() })
    renderApp('/board/calibration')
    expect(await screen.findByRole('group', { name: 'Brier 分数' }, SLOW)).toHaveTextContent('优于抛硬币')
    expect(await screen.findByRole('img', { name: /可靠性图/ }, SLOW)).toBeInTheDocument()
  })

  it('tells a user who is not an admin or executive it is not for them, without asking the API', SLOW, async () => {
    const fetchMock = mockApi({ ...routes, 'GET /me': pmoSession, 'GET /calibration': aReport() })
    renderApp('/board/calibration')
    expect(await screen.findByText('Calibration is shown to admins and executives.', {}, SLOW)).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /calibration')).toHaveLength(0)
  })
})
