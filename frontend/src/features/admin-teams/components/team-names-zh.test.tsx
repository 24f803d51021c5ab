import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { Team } from '../api/teams'

const north: Team = { id: 'north', name: 'North China', name_zh: '', parent_id: null, member_ids: [], version: 2 }

describe('a team’s Chinese name', () => {
  it('is set when renaming and sent as name_zh', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /teams': { items: [north], next_cursor: null },
      'PATCH /teams/north': () => jsonResponse(200, { ...north, name_zh: '华北区', version: 3 }),
    })
    renderApp('/admin/teams')

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for North China' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Rename North China' }))
    await userEvent.type(dialog.getByRole('textbox', { name: 'Name in Chinese' }), '华北区')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /teams/north')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'PATCH /teams/north')[0]?.body).toEqual({ name: 'North China', name_zh: '华北区' })
  })

  it('shows in the tree beside the English one', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /teams': { items: [{ ...north, name_zh: '华北区' }], next_cursor: null } })
    renderApp('/admin/teams')

    const tree = await screen.findByRole('list', { name: 'Teams' })
    expect(within(tree).getByText('华北区')).toHaveAttribute('lang', 'zh-CN')
    expect(within(tree).getByText(/North China/)).toBeInTheDocument()
  })
})
