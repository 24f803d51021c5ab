import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Money in whole units of `currency` for the board's summary figures (cards, teams, levels), e.g.
 * "CN¥20,000,000": an executive reads the size at a glance; the deal table keeps the exact amounts.
 */
export function useWholeMoney(currency: string) {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 })
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    return (minor: number) => format.format(Math.round(minor / 10 ** digits))
  }, [i18n.language, currency])
}
