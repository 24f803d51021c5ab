import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { Team } from '../api/teams'

function team(id: string, name: string, parent_id: string | null, members = 0): Team {
  return { id, name, name_zh: '', parent_id, member_ids: Array.from({ length: members }, (_, i) => `m${i}`), version: 1 }
}

// Deliberately shuffled: the page must order and nest them itself.
const teams = [
  team('de', 'Germany', 'emea', 2),
  team('apac', 'APAC', null),
  team('emea', 'EMEA', null, 1),
  team('ber', 'Berlin', 'de'),
  team('fr', 'France', 'emea'),
]

function nameOf(item: HTMLElement): string {
  return item.querySelector('p')?.textContent ?? ''
}

describe('team tree', () => {
  it('renders nested teams in order, each inside its parent', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /teams': { items: teams, next_cursor: null } })
    renderApp('/admin/teams')

    const tree = await screen.findByRole('list', { name: 'Teams' })
    expect(within(tree).getAllByRole('listitem').map(nameOf)).toEqual(['APAC', 'EMEA', 'France', 'Germany', 'Berlin'])

    const emea = within(tree).getAllByRole('listitem').find((item) => nameOf(item) === 'EMEA')!
    expect(within(emea).getByText('Germany')).toBeInTheDocument()
    expect(within(emea).getByText('Berlin')).toBeInTheDocument()
    expect(within(emea).queryByText('APAC')).not.toBeInTheDocument()
    expect(within(emea).getByText('2 members')).toBeInTheDocument()
  })

  it('asks for large pages and follows next_cursor, so a long tree is whole', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /teams': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('cursor') === 'page-2'
          ? { items: teams.slice(3), next_cursor: null }
          : { items: teams.slice(0, 3), next_cursor: 'page-2' }),
    })
    renderApp('/admin/teams')

    const tree = await screen.findByRole('list', { name: 'Teams' })
    await within(tree).findByText('Berlin')
    expect(within(tree).getAllByRole('listitem').map(nameOf)).toEqual(['APAC', 'EMEA', 'France', 'Germany', 'Berlin'])
    const pages = requestsTo(fetchMock, 'GET /teams')
    expect(pages.map((request) => request.query.get('cursor'))).toEqual(expect.arrayContaining([null, 'page-2']))
    expect(pages.every((request) => request.query.get('limit') === '500' && request.query.get('sort') === 'name')).toBe(true)
  })

  it('moves a team, offering neither itself nor its sub-teams as the new parent', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /teams': { items: teams, next_cursor: null },
      'PATCH /teams/emea': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Check the parent.', fields: { parent_id: 'cannot be a sub-team of itself' } },
        }),
    })
    renderApp('/admin/teams')

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for EMEA' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Move' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Move EMEA' }))
    await userEvent.click(dialog.getByRole('combobox', { name: 'Parent team' }))

    const options = screen.getAllByRole('option').map((option) => option.textContent)
    expect(options).toEqual(['None (top level)', 'APAC'])
    await userEvent.click(screen.getByRole('option', { name: 'APAC' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByText('cannot be a sub-team of itself')).toBeInTheDocument()
    const [patch] = requestsTo(fetchMock, 'PATCH /teams/emea')
    expect(patch?.body).toEqual({ parent_id: 'apac' })
    expect(patch?.headers.get('If-Match')).toBe('"1"')
  })
})
