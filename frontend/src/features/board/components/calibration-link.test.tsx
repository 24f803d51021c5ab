import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { teamsPage, pmoSession } from '../../../test/deal-fixtures'
import { mockApi } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'
import { aBoard, executiveSession } from '../board-fixtures'

const SLOW = { timeout: 45_000 }
const routes = {
  'GET /teams': teamsPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
  'GET /boards/confidence': aBoard(),
}

describe('board link to calibration', () => {
  it('is there for whoever may read calibration (admins and executives)', SLOW, async () => {
    mockApi({ ...routes, 'GET /me': { ...executiveSession, permissions: [...executiveSession.permissions, 'calibration:read'] } })
    renderApp('/board')
    expect(await screen.findByRole('link', { name: 'Calibration: can I trust these numbers?' }, SLOW)).toHaveAttribute('href', '/board/calibration')
  })

  it('is not there for anyone else', SLOW, async () => {
    mockApi({ ...routes, 'GET /me': pmoSession })
    renderApp('/board')
    await screen.findByRole('group', { name: 'Probability of target' }, SLOW)
    expect(screen.queryByRole('link', { name: /Calibration/ })).toBeNull()
  })
})
