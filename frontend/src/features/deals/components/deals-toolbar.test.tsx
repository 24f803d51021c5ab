import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { SignedInContext } from '../../../lib/session'
import { memberSession } from '../../../test/fixtures'
import { mockApi } from '../../../test/mock-api'
import { renderWithProviders } from '../../../test/render'
import type { DealFilters } from '../api/deals'
import { DealsToolbar } from './deals-toolbar'

/** The deals page as far as the toolbar sees it: filters that the test moves like the URL would. */
let moveUrl: (q: string) => void = () => {}
function Page({ onChange }: { onChange: (changes: Partial<DealFilters>) => void }) {
  const [filters, setFilters] = useState<DealFilters>({ q: '', mine: false, sort: 'name' })
  useEffect(() => {
    moveUrl = (q) => setFilters((current) => ({ ...current, q }))
  }, [])
  return (
    <SignedInContext value={memberSession}>
      <DealsToolbar filters={filters} onChange={onChange} />
    </SignedInContext>
  )
}

describe('deals search box', () => {
  it('keeps letters typed after its own search reached the URL, and shows a search the URL moved to', async () => {
    mockApi({})
    const onChange = vi.fn()
    renderWithProviders(<Page onChange={onChange} />)
    const box = screen.getByRole('searchbox', { name: 'Search' })

    await userEvent.type(box, 'plat')
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ q: 'plat' }))
    await userEvent.type(box, 'f') // typed before the URL change lands, as on a busy machine
    act(() => moveUrl('plat'))
    expect(box).toHaveValue('platf')

    act(() => moveUrl('tower')) // back / forward
    expect(box).toHaveValue('tower')
  })
})
