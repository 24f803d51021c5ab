import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse } from '../../test/render'
import { aMilestone, renderPlanTab } from './plan-fixtures'

const milestone = aMilestone({
  name: 'Budget application support', name_zh: '预算申报支持',
  exit_criteria: 'Project is in the customer’s approved budget', exit_criteria_zh: '项目已列入客户批准的预算',
})

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'))
})

describe('exit criteria in both languages', () => {
  it.each([
    ['en', /^1\. Budget application support$/, ['Exit criteria', 'Exit criteria in Chinese'], 'Project is in the customer’s approved budget'],
    ['zh-CN', /^1\. 预算申报支持$/, ['完成标准', '完成标准（英文）'], '项目已列入客户批准的预算'],
  ])('in %s the drawer shows the reader’s exit criteria first', async (language, button, labels, first) => {
    mockApi({
      'GET /deals/d-1/milestones': { items: [milestone], next_cursor: null },
      'GET /deals/d-1/baselines': { items: [], next_cursor: null },
    })
    await act(() => i18n.changeLanguage(language))
    renderPlanTab()

    await userEvent.click(await screen.findByRole('button', { name: button }))
    const drawer = within(await screen.findByRole('dialog'))
    const boxes = labels.map((label) => drawer.getByRole('textbox', { name: label }))
    expect(boxes[0]).toHaveValue(first)
    // The reader's language comes first in the form.
    expect(boxes[0]!.compareDocumentPosition(boxes[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('saves a changed Chinese exit criterion as exit_criteria_zh', async () => {
    const fetchMock = mockApi({
      'GET /deals/d-1/milestones': { items: [milestone], next_cursor: null },
      'GET /deals/d-1/baselines': { items: [], next_cursor: null },
      'PATCH /milestones/m-1': () => jsonResponse(200, { ...milestone, exit_criteria_zh: '预算已批复', version: 4 }),
    })
    await act(() => i18n.changeLanguage('zh-CN'))
    renderPlanTab()

    await userEvent.click(await screen.findByRole('button', { name: /^1\. 预算申报支持$/ }))
    const drawer = within(await screen.findByRole('dialog'))
    const zh = drawer.getByRole('textbox', { name: '完成标准' })
    await userEvent.clear(zh)
    await userEvent.type(zh, '预算已批复')
    await userEvent.click(drawer.getByRole('button', { name: '保存' }))

    await expect.poll(() => requestsTo(fetchMock, 'PATCH /milestones/m-1').length).toBe(1)
    expect(requestsTo(fetchMock, 'PATCH /milestones/m-1')[0]?.body).toEqual({ exit_criteria_zh: '预算已批复' })
  })
})
