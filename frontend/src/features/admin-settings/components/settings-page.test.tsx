import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession, memberSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { monthOptions } from './settings-page'

const settings = { reporting_currency: 'CNY', fiscal_year_start_month: 1, version: 4 }

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /me': adminSession,
    'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
    'GET /settings': settings,
    ...extra,
  }
}

async function chooseMonth(name: string) {
  await userEvent.click(await screen.findByRole('combobox', { name: 'Fiscal year starts in' }))
  await userEvent.click(await screen.findByRole('option', { name }))
}

describe('Admin → Settings', () => {
  it('saves the fiscal year start month with PATCH of what changed and If-Match', async () => {
    const fetchMock = mockApi(routes({ 'PATCH /settings': (r: MockRequest) => jsonResponse(200, { ...settings, ...(r.body as object), version: 5 }) }))
    renderApp('/admin/settings')

    expect(await screen.findByRole('combobox', { name: 'Reporting currency' })).toHaveValue('CNY')
    expect(screen.getByRole('combobox', { name: 'Fiscal year starts in' })).toHaveValue('January')
    await chooseMonth('April')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    const [patch] = requestsTo(fetchMock, 'PATCH /settings')
    expect(patch?.body).toEqual({ fiscal_year_start_month: 4 })
    expect(patch?.headers.get('If-Match')).toBe('"4"')

    // The next change is based on the saved version.
    await chooseMonth('October')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /settings')).toHaveLength(2))
    expect(requestsTo(fetchMock, 'PATCH /settings')[1]?.headers.get('If-Match')).toBe('"5"')
    expect(requestsTo(fetchMock, 'PATCH /settings')[1]?.body).toEqual({ fiscal_year_start_month: 10 })
  })

  it('shows the server’s 422 message under the field and keeps the choice', async () => {
    const message = 'cannot change while targets or FX rates of fiscal quarters exist; delete them first'
    mockApi(
      routes({
        'PATCH /settings': () =>
          jsonResponse(422, { error: { code: 'periods_in_use', message: 'Targets or FX rates use fiscal quarters.', fields: { fiscal_year_start_month: message } } }),
      }),
    )
    renderApp('/admin/settings')

    await chooseMonth('July')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Targets or FX rates use fiscal quarters.')
    expect(screen.getByRole('combobox', { name: 'Fiscal year starts in' })).toHaveValue('July')
    expect(screen.queryByText('Settings saved.')).not.toBeInTheDocument()
  })

  it('keeps the choice and offers a reload on a 412', async () => {
    mockApi(routes({ 'PATCH /settings': () => jsonResponse(412, { error: { code: 'version_mismatch', message: 'Changed.' } }) }))
    renderApp('/admin/settings')

    await userEvent.click(await screen.findByRole('combobox', { name: 'Reporting currency' }))
    await userEvent.click(await screen.findByRole('option', { name: 'USD' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Someone else changed this — reload to see their change.')
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Reporting currency' })).toHaveValue('USD')

    // Reload fetches the current settings; the warning goes, the choice stays, the next save uses the new version.
    const fetchMock = mockApi(routes({ 'GET /settings': { ...settings, version: 9 }, 'PATCH /settings': (r: MockRequest) => jsonResponse(200, { ...settings, ...(r.body as object), version: 10 }) }))
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(screen.getByRole('combobox', { name: 'Reporting currency' })).toHaveValue('USD')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'PATCH /settings').map((r) => [r.headers.get('If-Match'), r.body])).toEqual([['"9"', { reporting_currency: 'USD' }]])
  })

  it('is not offered without settings:write', async () => {
    mockApi(routes({ 'GET /me': memberSession }))
    renderApp('/admin/settings')
    expect(await screen.findByText('You don’t have access to administration.')).toBeInTheDocument()
  })
})

describe('monthOptions', () => {
  it('names the months in both languages', () => {
    expect(monthOptions('en').map((m) => m.label).slice(0, 2)).toEqual(['January', 'February'])
    expect(monthOptions('zh-CN')[3]).toEqual({ value: '4', label: '四月' })
  })
})
