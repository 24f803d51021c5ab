import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse } from '../../test/render'
import { aStakeholder, renderStakeholdersTab, stakeholderRoutes } from './stakeholder-fixtures'

const SLOW = { timeout: 120_000 }

describe('stakeholder feedback', () => {
  it('shows the stance as a button with the stance on it, and confirms a stance change', SLOW, async () => {
    mockApi({
      ...stakeholderRoutes,
      'PATCH /stakeholders/s-1': () => jsonResponse(200, aStakeholder({ stance: 'blocker', version: 4 })),
    })
    renderStakeholdersTab()

    const control = await screen.findByRole('button', { name: 'Change stance of Director Zhao (now Neutral)' })
    expect(control.tagName).toBe('BUTTON')
    expect(control).toHaveTextContent('Neutral▾')
    expect(control).toHaveAttribute('aria-haspopup', 'menu')

    await userEvent.click(control)
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Blocker' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Change the stance of Director Zhao' }))
    await userEvent.type(dialog.getByRole('textbox', { name: /Why did the stance change/ }), 'Backs the rival vendor')
    await userEvent.click(dialog.getByRole('button', { name: 'Change stance' }))
    expect(await screen.findByText('Stance of Director Zhao changed to Blocker.')).toBeInTheDocument()
  })

  it('asks before closing the person drawer with unsaved edits; a clean one closes at once', SLOW, async () => {
    const fetchMock = mockApi({ ...stakeholderRoutes, 'GET /stakeholders/s-1/history': { items: [], next_cursor: null } })
    renderStakeholdersTab()

    // Nothing typed: Cancel closes without asking.
    await userEvent.click(await screen.findByRole('button', { name: 'Open Director Zhao' }))
    let drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    await userEvent.click(drawer.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Director Zhao' })).not.toBeInTheDocument())
    expect(screen.queryByRole('dialog', { name: 'Discard unsaved changes?' })).not.toBeInTheDocument()

    // Typed, then Cancel: asked; "Keep editing" keeps what was typed.
    await userEvent.click(screen.getByRole('button', { name: 'Open Director Zhao' }))
    drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    await userEvent.type(drawer.getByRole('textbox', { name: 'Next step' }), 'Invite to the reference site')
    await userEvent.click(drawer.getByRole('button', { name: 'Cancel' }))
    let confirm = within(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' }))
    await userEvent.click(confirm.getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard unsaved changes?' })).not.toBeInTheDocument())
    expect(drawer.getByRole('textbox', { name: 'Next step' })).toHaveValue('Invite to the reference site')

    // Escape asks too; "Discard changes" closes without saving.
    await userEvent.keyboard('{Escape}')
    confirm = within(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' }))
    await userEvent.click(confirm.getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Director Zhao' })).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'PATCH /stakeholders/s-1')).toHaveLength(0)
  })

  it('confirms a saved drawer, in Chinese', SLOW, async () => {
    await i18n.changeLanguage('zh-CN')
    mockApi({
      ...stakeholderRoutes,
      'GET /stakeholders/s-1/history': { items: [], next_cursor: null },
      'PATCH /stakeholders/s-1': () => jsonResponse(200, aStakeholder({ next_step: '邀请参观样板点', version: 4 })),
    })
    renderStakeholdersTab()
    await userEvent.click(await screen.findByRole('button', { name: '打开 Director Zhao' }))
    const drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    await userEvent.type(drawer.getByRole('textbox', { name: '下一步' }), '邀请参观样板点')
    await userEvent.click(drawer.getByRole('button', { name: '保存' }))
    expect(await screen.findByText('干系人已保存。')).toBeInTheDocument()
  })
})
