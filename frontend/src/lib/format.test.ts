import { describe, expect, it } from 'vitest'
import { formatDate, formatInstant, formatMoney, formatRelative } from './format'

describe('formatMoney', () => {
  it.each([
    [123456, 'CNY', 'en', 'CN¥1,234.56'],
    [123456, 'CNY', 'zh-CN', '¥1,234.56'],
    [123456, 'USD', 'en', '$1,234.56'],
    [123456, 'JPY', 'en', '¥123,456'], // yen has no minor unit
    [-5, 'CNY', 'en', '-CN¥0.05'],
    [0, 'CNY', 'zh-CN', '¥0.00'],
  ])('%s %s in %s is %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected)
  })

  it('formats amounts past 2^53 minor units exactly', () => {
    expect(formatMoney(9007199254740993n, 'CNY', 'en')).toBe('CN¥90,071,992,547,409.93')
  })
})

describe('formatDate', () => {
  it.each([
    ['2025-03-07', 'en', 'Mar 7, 2025'],
    ['2025-03-07', 'zh-CN', '2025年3月7日'],
    ['2024-12-31', 'en', 'Dec 31, 2024'],
  ])('%s in %s is %s', (iso, locale, expected) => {
    expect(formatDate(iso, locale)).toBe(expected)
  })

  it.each(['2025-02-30', '07/03/2025', ''])('returns %j unchanged because it is not a date', (input) => {
    expect(formatDate(input, 'en')).toBe(input)
  })
})

describe('formatInstant', () => {
  it.each([
    ['2025-03-07T14:05:00Z', 'en', 'Mar 7, 2025, 2:05 PM'],
    ['2025-03-07T14:05:00Z', 'zh-CN', '2025年3月7日 14:05'],
  ])('%s in %s is %s', (iso, locale, expected) => {
    expect(formatInstant(iso, locale, 'UTC')).toBe(expected)
  })

  it('returns text that is not an instant unchanged', () => {
    expect(formatInstant('soon', 'en')).toBe('soon')
  })
})

describe('formatRelative', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  it.each([
    ['2026-11-23T11:55:00Z', 'en', '5 minutes ago'],
    ['2026-11-22T12:00:00Z', 'en', 'yesterday'],
    ['2026-11-20T12:00:00Z', 'zh-CN', '3天前'],
  ])('%s in %s is %s', (iso, locale, expected) => {
    expect(formatRelative(iso, locale, now)).toBe(expected)
  })
})
