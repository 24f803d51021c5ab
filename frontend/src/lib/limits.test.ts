import { describe, expect, it } from 'vitest'

import { LIMITS, maxAmount } from './limits'

describe('limits', () => {
  it('keeps an amount in minor units below 10^15 whatever the currency', () => {
    expect(maxAmount(2) * 100).toBeLessThan(1e15)
    expect(maxAmount(0)).toBe(LIMITS.amountMinorMax)
    expect(Number.isSafeInteger(LIMITS.amountMinorMax)).toBe(true)
  })
})
