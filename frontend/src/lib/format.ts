import { useTranslation } from 'react-i18next'

/**
 * Formats an amount held in minor units (fen, cents) of an ISO 4217 currency, e.g.
 * 123456 CNY → "CN¥1,234.56" in en. The minor-unit exponent is the one Intl knows for the
 * currency (2 for CNY and USD, 0 for JPY), which is what the API stores.
 */
export function formatMoney(amountMinor: number | bigint, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorToDecimal(BigInt(amountMinor), digits))
}

/**
 * Formats a calendar date `YYYY-MM-DD` in the locale's medium style, e.g. "Mar 7, 2025" or
 * "2025年3月7日". The date is not a moment, so no time zone can move it to another day.
 * Anything that is not a real date is returned as it came, rather than breaking a whole view.
 */
export function formatDate(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return isoDate
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/**
 * Formats an RFC 3339 instant as a date and time in the viewer's time zone, e.g.
 * "Mar 7, 2025, 2:05 PM" or "2025年3月7日 14:05"; anything unparsable is returned as it came.
 */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at)
}

/** The calendar day an RFC 3339 instant falls on in the viewer's time zone, e.g. "Mar 7, 2025". */
export function formatInstantDate(iso: string, locale: string, timeZone?: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at)
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
]

/**
 * How long ago (or ahead) an RFC 3339 instant is, in words: "5 minutes ago", "yesterday",
 * "3天前". Anything unparsable is returned as it came.
 */
export function formatRelative(iso: string, locale: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  let amount = (at.getTime() - now.getTime()) / 1000
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit)
    amount /= size
  }
  return iso
}

/** A probability (0–1) as a whole percentage in the locale, e.g. 0.634 → "63%". */
export function formatPercent(probability: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(probability)
}

/**
 * A change of probability in signed percentage points with one decimal, e.g. 0.052 → "+5.2",
 * -0.1 → "−10.0"; the unit ("pts", "个百分点") is the caller's words.
 */
export function formatPoints(probability: number, locale: string): string {
  const points = Math.round(probability * 1000) / 10
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(points)
}

/** The formatters bound to the current UI language; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return {
    money: (amountMinor: number | bigint, currency: string) => formatMoney(amountMinor, currency, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    instant: (iso: string) => formatInstant(iso, locale),
    instantDate: (iso: string) => formatInstantDate(iso, locale),
    relative: (iso: string) => formatRelative(iso, locale),
    percent: (probability: number) => formatPercent(probability, locale),
    points: (probability: number) => formatPoints(probability, locale),
  }
}

// Exact decimal text, so amounts beyond 2^53 minor units are not rounded by floating point.
function minorToDecimal(minor: bigint, digits: number): Intl.StringNumericLiteral {
  const sign = minor < 0n ? '-' : ''
  const text = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0')
  if (digits === 0) return `${sign}${text}` as Intl.StringNumericLiteral
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` as Intl.StringNumericLiteral
}
