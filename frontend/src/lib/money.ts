/**
 * Amounts as people type them (major units, "1234.56") and as the API keeps them (minor units of
 * the currency, 123456). The minor-unit exponent is the one Intl knows, as in `formatMoney`.
 */

/** The currencies the forms offer, CNY first; the API accepts any ISO 4217 code. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY', 'SGD'] as const

/** How many minor-unit digits a currency has: 2 for CNY and USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * Major units ("1234.5", 1234.5) → minor units (123450), exactly, without floating point; null
 * for anything that is not a non-negative number or has more decimals than the currency allows.
 */
export function toMinorUnits(major: number | string, currency: string): number | null {
  const text = typeof major === 'number' ? major.toFixed(currencyDigits(currency)) : major.trim().replace(/[,\s]/g, '')
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text)
  if (!match) return null
  const digits = currencyDigits(currency)
  const fraction = (match[2] ?? '').replace(/0+$/, '')
  if (fraction.length > digits) return null
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`)
  return Number.isSafeInteger(minor) ? minor : null
}

/** Minor units → major units as a number, for filling a form with a stored amount. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency)
}
