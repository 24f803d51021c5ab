import { describe, expect, it } from 'vitest'
import { waterfallBars } from './waterfall'

describe('waterfallBars', () => {
  it.each([
    {
      name: 'up then down: each factor floats on the running sum, the result stands on the axis',
      factors: [{ label: 'Progress', contribution: 0.2 }, { label: 'Stale contact', contribution: -0.05 }],
      want: [
        { label: 'Base', bottom: 0, height: 30, kind: 'total', value: 30 },
        { label: 'Progress', bottom: 30, height: 20, kind: 'up', value: 20 },
        { label: 'Stale contact', bottom: 45, height: 5, kind: 'down', value: -5 },
        { label: 'Win', bottom: 0, height: 45, kind: 'total', value: 45 },
      ],
    },
    {
      name: 'a no-go takes the chance to zero',
      factors: [{ label: 'No-go', contribution: -0.3 }],
      want: [
        { label: 'Base', bottom: 0, height: 30, kind: 'total', value: 30 },
        { label: 'No-go', bottom: 0, height: 30, kind: 'down', value: -30 },
        { label: 'Win', bottom: 0, height: 0, kind: 'total', value: 0 },
      ],
    },
  ])('$name', ({ factors, want }) => {
    expect(waterfallBars(0.3, factors, { base: 'Base', result: 'Win' })).toEqual(want)
  })
})
