import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo, unauthenticated } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'

describe('route guard', () => {
  it('sends someone who is not signed in to sign in, remembering the page', async () => {
    mockApi({ 'GET /me': unauthenticated })
    const { router } = renderApp('/admin/users?active=false')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Fusers%3Factive%3Dfalse')
  })

  it('asks /me once however many pages are opened', async () => {
    const fetchMock = mockApi({ 'GET /me': adminSession, 'GET /meta': { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 } })
    renderApp('/board')

    await userEvent.click(await screen.findByRole('link', { name: 'Deals' }))
    await userEvent.click(screen.getByRole('link', { name: 'Board' }))

    expect(requestsTo(fetchMock, 'GET /me')).toHaveLength(1)
  })

  it('goes to sign in when any later request answers 401', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /users': unauthenticated })
    const { router } = renderApp('/admin/users')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Fusers')
  })

  it('signs out from the user menu and shows the sign-in page without a way back', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /meta': { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 },
      'POST /auth/logout': () => new Response(null, { status: 204 }),
    })
    const { router } = renderApp('/board')

    await userEvent.click(await screen.findByRole('button', { name: /Ada Admin/ }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
    expect(requestsTo(fetchMock, 'POST /auth/logout')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-admin')
  })

  it('signs out without a detour to "sign in and come back" when a request in flight answers 401 first', async () => {
    let answerUsers: (response: Response) => void = () => {}
    mockApi({
      'GET /me': adminSession,
      'GET /meta': { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 },
      // The users list is still loading when the user signs out; the ended session answers it 401
      // before the sign-out's own answer arrives. That 401 is the sign-out, not an expired session:
      // the page stays (its list shows the error) until the sign-out completes.
      'GET /users': () => new Promise<Response>((resolve) => (answerUsers = resolve)),
      'POST /auth/logout': async () => {
        answerUsers(unauthenticated())
        expect(await screen.findByText('Sign in first.')).toBeInTheDocument()
        return new Response(null, { status: 204 })
      },
    })
    const { router } = renderApp('/admin/users')
    // The page's code has arrived (the router settles on /admin/users); from here on, every place visited.
    await waitFor(() => expect(router.state.initialized).toBe(true))
    const visited: string[] = []
    router.subscribe((state) => visited.push(state.location.pathname + state.location.search))

    await userEvent.click(await screen.findByRole('button', { name: /Ada Admin/ }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeInTheDocument()
    expect(visited).toEqual(['/sign-in'])
  })
})
