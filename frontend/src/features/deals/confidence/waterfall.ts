/** One bar of a waterfall: where it floats from (`bottom`) and how tall it is, in percentage points. */
export interface WaterfallBar {
  label: string
  bottom: number
  height: number
  /** `total` bars stand on the axis (the base and the result); `up`/`down` float on the running sum. */
  kind: 'total' | 'up' | 'down'
  /** The signed value the bar stands for: the total, or the factor's contribution. */
  value: number
}

const points = (probability: number) => Math.round(probability * 1000) / 10

/**
 * The bars of the factors' waterfall: the base rate, each factor from the running sum up or
 * down, and the result (`base` + Σ contributions), all in percentage points.
 */
export function waterfallBars(base: number, factors: readonly { label: string; contribution: number }[], labels: { base: string; result: string }): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ label: labels.base, bottom: 0, height: points(base), kind: 'total', value: points(base) }]
  let running = base
  for (const factor of factors) {
    const next = running + factor.contribution
    bars.push({
      label: factor.label,
      bottom: points(Math.min(running, next)),
      height: points(Math.abs(factor.contribution)),
      kind: factor.contribution >= 0 ? 'up' : 'down',
      value: points(factor.contribution),
    })
    running = next
  }
  bars.push({ label: labels.result, bottom: 0, height: points(running), kind: 'total', value: points(running) })
  return bars
}
