import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { renderWithProviders } from '../test/render'
import { PhoneDetails } from './phone-details'

const noMatch = window.matchMedia

/** Makes the screen a phone: every max-width media query matches. */
function onAPhone() {
  window.matchMedia = ((query: string) => ({ ...noMatch(query), matches: query.includes('max-width') })) as typeof window.matchMedia
}

afterEach(() => {
  window.matchMedia = noMatch
})

describe('PhoneDetails', () => {
  it('shows the details as they are on a wider screen', () => {
    renderWithProviders(<PhoneDetails><p>Customer: City Bureau</p></PhoneDetails>)

    expect(screen.getByText('Customer: City Bureau')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Show details' })).not.toBeInTheDocument()
  })

  it.each([
    ['en', 'Show details', 'Hide details'],
    ['zh-CN', '显示详情', '收起详情'],
  ])('folds them away on a phone behind a toggle (%s)', async (language, show, hide) => {
    onAPhone()
    await i18n.changeLanguage(language)
    renderWithProviders(<PhoneDetails><p>Customer: City Bureau</p></PhoneDetails>)

    const toggle = screen.getByRole('button', { name: show })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('Customer: City Bureau')).not.toBeVisible()

    await userEvent.click(toggle)
    expect(screen.getByRole('button', { name: hide })).toHaveAttribute('aria-expanded', 'true')
    await waitFor(() => expect(screen.getByText('Customer: City Bureau')).toBeVisible())
  })
})
