import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { useBoardParams } from './use-board-params'

const TEAM = '11111111-2222-3333-4444-555555555555'

describe('useBoardParams', () => {
  it('keeps both of two changes made before the page re-renders (a period, then a team)', () => {
    let location = ''
    const { result } = renderHook(
      () => {
        location = useLocation().search
        return useBoardParams()
      },
      {
        wrapper: ({ children }: { children: ReactNode }) => {
          const router = createMemoryRouter([{ path: '/board', element: children }], { initialEntries: ['/board?period=2027-Q1'] })
          return <RouterProvider router={router} />
        },
      },
    )
    const [, change] = result.current
    act(() => {
      change({ period: '2026-Q4' })
      change({ teamId: TEAM })
    })
    expect(location).toBe(`?period=2026-Q4&team_id=${TEAM}`)
    expect(result.current[0]).toEqual({ period: '2026-Q4', teamId: TEAM, basis: 'model' })
  })
})
