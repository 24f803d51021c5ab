import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { adminSession, memberSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { ConfidenceModel } from '../api/confidence-models'

const session = { ...adminSession, permissions: [...adminSession.permissions, 'confidence_models:read', 'confidence_models:write'] }

function aModel(version: number, brier: { current: number; fitted: number }, adopted = false): ConfidenceModel {
  return {
    version,
    params: { base: 0.25, progress_log_odds: 4.2 },
    report: {
      lead_days: 60, base_version: 0, won: 81, lost: 96, no_go_left_out: 0, train: 141, test: 36, lambda: 3, folds: 5,
      cv: [{ lambda: 3, log_loss: 0.52 }], intercept: -1.1,
      weights: { progress: 1.2, champion: 0.8 },
      current: { brier: brier.current, log_loss: 0.6 }, fitted: { brier: brier.fitted, log_loss: 0.55 },
    },
    fitted_at: '2026-11-30T09:00:00Z', fitted_by: 'u-admin', adopted, adopted_at: adopted ? '2026-11-30T10:00:00Z' : null, adopted_by: null,
  }
}

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /me': session,
    'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
    'GET /confidence/models': { items: [aModel(2, { current: 0.21, fitted: 0.18 }), aModel(1, { current: 0.21, fitted: 0.23 })], next_cursor: null, in_force: 0 },
    ...extra,
  }
}

describe('Admin → Confidence model', () => {
  it('lists the versions with the held-out Brier scores and adopts one after confirmation, with If-Match', async () => {
    const fetchMock = mockApi(routes({ 'POST /confidence/models/2/adopt': () => jsonResponse(200, { in_force: 2 }) }))
    renderApp('/admin/confidence-model')

    const table = await screen.findByRole('table', { name: 'Fitted versions' })
    expect(screen.getByRole('status')).toHaveTextContent('In force: the defaults')
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('current 0.210 → fitted 0.180')
    expect(rows[1]).toHaveTextContent('better')
    expect(rows[1]).toHaveTextContent('81 won · 96 lost (36 held out)')
    expect(rows[2]).toHaveTextContent('worse')
    expect(screen.getByRole('button', { name: 'Revert to the defaults' })).toBeDisabled()

    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Adopt' }))
    const dialog = await screen.findByRole('dialog', { name: 'Adopt version 2?' })
    expect(requestsTo(fetchMock, 'POST /confidence/models/2/adopt')).toHaveLength(0) // nothing before confirming
    await userEvent.click(within(dialog).getByRole('button', { name: 'Adopt version 2' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'POST /confidence/models/2/adopt')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'POST /confidence/models/2/adopt')[0]?.headers.get('If-Match')).toBe('"0"')
  })

  it('reverts to the previous version based on the version in force', async () => {
    const fetchMock = mockApi(
      routes({
        'GET /confidence/models': { items: [aModel(2, { current: 0.21, fitted: 0.18 }, true)], next_cursor: null, in_force: 2 },
        'POST /confidence/models/revert': () => jsonResponse(200, { in_force: 1 }),
      }),
    )
    renderApp('/admin/confidence-model')

    expect(await screen.findByText('In force: version 2')).toBeInTheDocument()
    expect(screen.getByText('In force', { selector: '.mantine-Badge-label' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Revert to the previous version' }))
    const dialog = await screen.findByRole('dialog', { name: 'Revert the confidence model?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revert' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'POST /confidence/models/revert')).toHaveLength(1))
    const [revert] = requestsTo(fetchMock, 'POST /confidence/models/revert')
    expect(revert?.body).toEqual({ to: 'previous' })
    expect(revert?.headers.get('If-Match')).toBe('"2"')
  })

  it('fits at the chosen lead time and shows the refusal naming the counts', async () => {
    const fetchMock = mockApi(
      routes({
        'POST /confidence/models': (r: MockRequest) =>
          jsonResponse(422, {
            error: {
              code: 'validation_failed',
              message: 'Some values are not valid; please correct them.',
              fields: { lost: `only 12 closed deals with a snapshot at this lead time; fitting needs at least 40 won and 40 lost (${String((r.body as { lead_days: number }).lead_days)})` },
            },
          }),
      }),
    )
    renderApp('/admin/confidence-model')

    await userEvent.click(await screen.findByRole('combobox', { name: 'Snapshots taken' }))
    await userEvent.click(await screen.findByRole('option', { name: '90 days before the close' }))
    await userEvent.click(screen.getByRole('button', { name: 'Fit a new version' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Lost deals: only 12 closed deals')
    expect(requestsTo(fetchMock, 'POST /confidence/models')[0]?.body).toEqual({ lead_days: 90 })
  })

  it('is in Chinese too', async () => {
    mockApi(routes())
    renderApp('/admin/confidence-model')
    await screen.findByRole('table', { name: 'Fitted versions' })
    try {
      await act(() => i18n.changeLanguage('zh-CN'))
      expect(await screen.findByRole('table', { name: '已拟合的版本' })).toBeInTheDocument()
      expect(screen.getByText('当前生效：默认参数')).toBeInTheDocument()
      expect(screen.getAllByText('当前 0.210 → 拟合 0.180').length).toBeGreaterThan(0)
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })

  it('is not offered to members', async () => {
    mockApi(routes({ 'GET /me': memberSession }))
    renderApp('/admin/confidence-model')
    expect(await screen.findByText(/not allowed|no access|permission/i)).toBeInTheDocument()
  })
})
