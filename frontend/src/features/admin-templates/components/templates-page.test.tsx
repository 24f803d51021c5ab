import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { builtinTemplate, customTemplate, templatesAdmin } from '../template-fixtures'

const list = { items: [builtinTemplate, customTemplate], next_cursor: null }

describe('templates list', () => {
  it('lists each template with both names, segment and steps, and no delete for a built-in one', async () => {
    mockApi({ 'GET /me': templatesAdmin, 'GET /templates': list })
    renderApp('/admin/templates')

    const table = await screen.findByRole('table', { name: 'Templates' })
    const builtin = within(table).getByRole('row', { name: /G2B public procurement/ })
    expect(builtin).toHaveTextContent('政府采购')
    expect(builtin).toHaveTextContent('Government (G2B)')
    expect(builtin).toHaveTextContent('4 milestones')
    expect(within(builtin).getByText('Built-in')).toBeInTheDocument()
    expect(within(builtin).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument()
    expect(within(builtin).getByText('Cannot be deleted')).toBeInTheDocument()
    expect(within(table).getByRole('button', { name: 'Delete Framework call-off' })).toBeInTheDocument()
  })

  it('pages through every template with large pages and shows the built-in ones first', async () => {
    const fetchMock = mockApi({
      'GET /me': templatesAdmin,
      // By name, the custom template comes first and the built-in one on a second page.
      'GET /templates': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('cursor') === 'next' ? { items: [builtinTemplate], next_cursor: null } : { items: [customTemplate], next_cursor: 'next' }),
    })
    renderApp('/admin/templates')

    const table = await screen.findByRole('table', { name: 'Templates' })
    await within(table).findByRole('row', { name: /G2B public procurement/ })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('G2B public procurement')
    expect(rows[1]).toHaveTextContent('Framework call-off')
    expect(requestsTo(fetchMock, 'GET /templates').every((request) => request.query.get('limit') === '500')).toBe(true)
  })

  it('deletes a custom template after confirmation, based on its version', async () => {
    const fetchMock = mockApi({
      'GET /me': templatesAdmin,
      'GET /templates': list,
      'DELETE /templates/tpl-custom': () => new Response(null, { status: 204 }),
    })
    renderApp('/admin/templates')

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Framework call-off' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete Framework call-off?' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Delete template' }))

    await screen.findByRole('table', { name: 'Templates' })
    expect(requestsTo(fetchMock, 'DELETE /templates/tpl-custom')[0]?.headers.get('If-Match')).toBe('"2"')
  })

  it('starts a duplicate from a copy of the template', async () => {
    mockApi({ 'GET /me': templatesAdmin, 'GET /templates': list, 'GET /templates/tpl-custom': customTemplate })
    renderApp('/admin/templates')

    await userEvent.click(await screen.findByRole('link', { name: 'Duplicate Framework call-off' }))
    expect(await screen.findByRole('textbox', { name: 'Template name' })).toHaveValue('Framework call-off (copy)')
    expect(screen.getByRole('textbox', { name: 'Template name (中文)' })).toHaveValue('框架协议采购（副本）')
    expect(screen.getByRole('button', { name: 'Create template' })).toBeInTheDocument()
  })

  it('has no Templates tab without templates:write', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /users': { items: [], next_cursor: null } })
    renderApp('/admin/users')
    expect(await screen.findByRole('tab', { name: 'Users' })).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: 'Templates' })).not.toBeInTheDocument()
  })
})
