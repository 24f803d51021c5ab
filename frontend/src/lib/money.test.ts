import { describe, expect, it } from 'vitest'
import { currencyDigits, toMajorUnits, toMinorUnits } from './money'

describe('money', () => {
  it.each([
    ['1234.56', 'CNY', 123456],
    ['1,200,000', 'CNY', 120000000],
    ['0.5', 'USD', 50],
    [1234567.5, 'CNY', 123456750],
    ['1500', 'JPY', 1500],
    ['0', 'EUR', 0],
  ])('%j %s is %d minor units', (major, currency, minor) => {
    expect(toMinorUnits(major, currency)).toBe(minor)
  })

  it.each([['-1', 'CNY'], ['1.234', 'CNY'], ['1.5', 'JPY'], ['abc', 'CNY'], ['', 'CNY']])('refuses %j %s', (major, currency) => {
    expect(toMinorUnits(major, currency)).toBeNull()
  })

  it('knows the minor-unit digits and turns minor units back', () => {
    expect(currencyDigits('CNY')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(toMajorUnits(123456, 'CNY')).toBe(1234.56)
  })
})
