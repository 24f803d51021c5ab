import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'

describe('a deal\'s activity between two days', () => {
  it('asks the server for the days in the address and offers the whole trail', async () => {
    const fetchMock = mockApi({
      'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /users': usersPage, 'GET /deals/d-1': aDeal(),
      'GET /deals/d-1/activity': { items: [], next_cursor: null },
    })
    const user = userEvent.setup()
    renderApp('/deals/d-1/activity?from=2026-11-23&to=2026-11-30')

    expect(await screen.findByText('Showing the activity from Nov 23, 2026 to Nov 30, 2026.')).toBeInTheDocument()
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1/activity').length).toBeGreaterThan(0))
    const first = requestsTo(fetchMock, 'GET /deals/d-1/activity')[0]!
    expect(first.query.get('from')).toBe('2026-11-23')
    expect(first.query.get('to')).toBe('2026-11-30')

    await user.click(screen.getByRole('link', { name: 'Show all activity' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1/activity').at(-1)!.query.has('from')).toBe(false))
    expect(screen.queryByText(/Showing the activity from/)).not.toBeInTheDocument()
  })
})
