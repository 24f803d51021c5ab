import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo, unauthenticated } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

async function signIn(email = 'admin@summit.example', password = 'wrong-password') {
  await userEvent.type(await screen.findByLabelText(/Email/), email)
  await userEvent.type(screen.getByLabelText(/Password/), password)
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in page', () => {
  it('shows the server’s one generic message on 401 and stays on the page', async () => {
    mockApi({
      'GET /me': unauthenticated,
      'POST /auth/login': () =>
        jsonResponse(401, { error: { code: 'invalid_credentials', message: 'The email or password is not right.' } }),
    })
    const { router } = renderApp('/sign-in')

    await signIn()

    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.')
    expect(router.state.location.pathname).toBe('/sign-in')
  })

  it('says how many minutes to wait when throttled', async () => {
    mockApi({
      'POST /auth/login': () =>
        jsonResponse(429, { error: { code: 'throttled', message: 'Too many requests.' } }, { 'Retry-After': '840' }),
    })
    renderApp('/sign-in')

    await signIn()

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts; try again in 14 minutes.')
  })

  it('says it in Chinese when the page is in Chinese', async () => {
    mockApi({
      'POST /auth/login': () =>
        jsonResponse(429, { error: { code: 'throttled', message: '请求过多。' } }, { 'Retry-After': '30' }),
    })
    renderApp('/sign-in')
    await userEvent.click(await screen.findByText('中文'))

    await userEvent.type(screen.getByLabelText(/电子邮箱/), 'a@b.example')
    await userEvent.type(screen.getByLabelText(/^密码/), 'x')
    await userEvent.click(screen.getByRole('button', { name: '登录' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('尝试次数过多，请 1 分钟后再试。')
  })

  it('signs in and opens the page it was sent from', async () => {
    const fetchMock = mockApi({
      'POST /auth/login': adminSession,
      'GET /meta': { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 },
    })
    const { router } = renderApp('/sign-in?next=%2Fdeals')

    await signIn('admin@summit.example', 'summit-demo-2026')

    expect(await screen.findByRole('heading', { level: 1, name: 'Deals' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/deals')
    expect(requestsTo(fetchMock, 'POST /auth/login')[0]?.body).toEqual({
      email: 'admin@summit.example',
      password: 'summit-demo-2026',
    })
    // The session came with the sign-in answer, so there is no need to ask /me.
    expect(requestsTo(fetchMock, 'GET /me')).toHaveLength(0)
  })
})
