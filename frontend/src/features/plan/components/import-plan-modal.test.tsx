import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderWithProviders } from '../../../test/render'
import { plan } from '../plan-fixtures'
import { ImportPlanModal } from './import-plan-modal'

const summary = { id: 'imp-1', mode: 'merge', added: 1, updated: 2, removed: 0, unchanged: 11 }

function importRoutes(undo: () => Response = () => jsonResponse(200, { items: plan, next_cursor: null }, { ETag: '"9"' })) {
  return {
    'GET /deals/d-1/milestones': { items: plan, next_cursor: null },
    'POST /deals/d-1/milestones/import': () => jsonResponse(200, { items: plan, import: summary }, { ETag: '"8"' }),
    'POST /deals/d-1/milestones/import/imp-1/undo': undo,
  }
}

async function importFile() {
  const dialog = within(await screen.findByRole('dialog'))
  await userEvent.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, new File(['key\n'], 'plan.xlsx'))
  return dialog
}

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'))
})

describe('import plan dialog', () => {
  it('merges by default, shows what changed, and undoes the import at the version it answered with', async () => {
    const fetchMock = mockApi(importRoutes())
    renderWithProviders(<ImportPlanModal dealId="d-1" onClose={() => {}} />)

    const dialog = await importFile()
    expect(dialog.getByRole('radio', { name: /^Merge/ })).toBeChecked()
    await userEvent.click(dialog.getByRole('button', { name: 'Import and merge' }))

    expect(await dialog.findByRole('status')).toHaveTextContent('The file was imported.')
    const counts = within(dialog.getByRole('table', { name: 'What the import changed' }))
    expect(counts.getAllByRole('row').map((row) => row.textContent)).toEqual(['Added1', 'Updated2', 'Removed0', 'Unchanged11'])
    expect(requestsTo(fetchMock, 'POST /deals/d-1/milestones/import')[0]?.query.get('mode')).toBe('merge')

    await userEvent.click(dialog.getByRole('button', { name: 'Undo import' }))
    expect(await dialog.findByText('The import was undone: the plan is as it was before.')).toBeInTheDocument()
    const [undo] = requestsTo(fetchMock, 'POST /deals/d-1/milestones/import/imp-1/undo')
    expect(undo?.headers.get('If-Match')).toBe('"8"')
    expect(dialog.queryByRole('button', { name: 'Undo import' })).toBeNull()
  })

  it('says when the plan changed since the import and the undo is refused', async () => {
    mockApi(importRoutes(() => jsonResponse(412, { error: { code: 'stale_version', message: 'Someone else changed this; reload and try again.' } })))
    renderWithProviders(<ImportPlanModal dealId="d-1" onClose={() => {}} />)

    const dialog = await importFile()
    await userEvent.click(dialog.getByRole('button', { name: 'Import and merge' }))
    await userEvent.click(await dialog.findByRole('button', { name: 'Undo import' }))

    expect(await dialog.findByRole('alert')).toHaveTextContent('The plan has changed since the import')
    expect(dialog.getByRole('button', { name: 'Undo import' })).toBeDisabled()
  })

  it('lists the rows of a dependency cycle and reads in Chinese', async () => {
    await act(() => i18n.changeLanguage('zh-CN'))
    mockApi({
      'POST /deals/d-1/milestones/import': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: '部分填写的内容无效，请修改后重试。', fields: { 'rows[4].depends_on': '将形成循环：3 → 4 → 3', 'rows[3].depends_on': '将形成循环：3 → 4 → 3' } },
        }),
    })
    renderWithProviders(<ImportPlanModal dealId="d-1" onClose={() => {}} />)

    const dialog = await importFile()
    expect(dialog.getByRole('radio', { name: /^合并/ })).toBeChecked()
    await userEvent.click(dialog.getByRole('radio', { name: /^替换/ }))
    await userEvent.click(dialog.getByRole('button', { name: '替换计划' }))

    const problems = within(await dialog.findByRole('table', { name: /文件未导入/ }))
    expect(problems.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      '3depends_on将形成循环：3 → 4 → 3',
      '4depends_on将形成循环：3 → 4 → 3',
    ])
  })
})
