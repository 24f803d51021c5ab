import type { BoardChanges } from './api'

/** One bar of the waterfall: a total (then, now) standing on 0, or a step floating from `from` to `to`. */
export interface WaterfallStep {
  key: string
  from: number
  to: number
  total: boolean
}

/**
 * The waterfall's bars: the probability of target then, each category that moved (its effects
 * added up), what the moves add together beyond each alone, and the probability now. Without a
 * target (no probability) the same on the expected revenue, in minor units. Categories where
 * nothing moved are left out; so is an interaction below a hundredth of a point.
 */
export function waterfallSteps(report: BoardChanges): { steps: WaterfallStep[]; probability: boolean } {
  const probability = report.probability_start !== null && report.probability_now !== null
  const start = probability ? report.probability_start! : report.expected_start_minor
  const now = probability ? report.probability_now! : report.expected_now_minor
  const steps: WaterfallStep[] = [{ key: 'start', from: 0, to: start, total: true }]
  let level = start
  for (const total of report.totals) {
    if (total.deals === 0) continue
    const delta = probability ? total.effect ?? 0 : total.expected_effect_minor
    steps.push({ key: total.category, from: level, to: level + delta, total: false })
    level += delta
  }
  const rest = now - level
  if (Math.abs(rest) >= (probability ? 1e-4 : 1)) steps.push({ key: 'interaction', from: level, to: now, total: false })
  steps.push({ key: 'now', from: 0, to: now, total: true })
  return { steps, probability }
}
