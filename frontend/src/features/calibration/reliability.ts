import type { CalibrationBin } from './api/calibration'

/** One bin with deals, as the diagram draws it: across its mean confidence, up its win rate. */
export interface ReliabilityPoint {
  predicted: number
  observed: number
  count: number
}

/** The bins that hold deals, as points; empty bins have nothing to draw. */
export function reliabilityPoints(bins: readonly CalibrationBin[]): ReliabilityPoint[] {
  return bins.flatMap((bin) =>
    bin.count > 0 && bin.mean_predicted !== null && bin.observed_rate !== null
      ? [{ predicted: bin.mean_predicted, observed: bin.observed_rate, count: bin.count }]
      : [],
  )
}

/** A bin's band as whole percentages, "0–10 %" … "90–100 %". */
export function bandLabel(bin: Pick<CalibrationBin, 'from' | 'to'>): string {
  return `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)} %`
}

/** A score to three decimals, the precision its explanation's reference values use. */
export function formatScore(score: number): string {
  return score.toFixed(3)
}

/** The scores of always saying 50 %: what a forecast must beat to say anything. */
export const COIN_TOSS = { brier: 0.25, logLoss: Math.LN2 } as const
