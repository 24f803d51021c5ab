import type { CalibrationBin, CalibrationReport } from './api/calibration'

/** Ten empty bins. */
export function emptyBins(): CalibrationBin[] {
  return Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0, won: 0, mean_predicted: null, observed_rate: null }))
}

/** The hand-computed example of docs/calibration.md (five deals scored, one more closed without a snapshot). */
export function aReport(overrides: Partial<CalibrationReport> = {}): CalibrationReport {
  const bins = emptyBins()
  bins[0] = { ...bins[0]!, count: 1, won: 0, mean_predicted: 0.05, observed_rate: 0 }
  bins[3] = { ...bins[3]!, count: 2, won: 1, mean_predicted: 0.325, observed_rate: 0.5 }
  bins[8] = { ...bins[8]!, count: 1, won: 0, mean_predicted: 0.8, observed_rate: 0 }
  bins[9] = { ...bins[9]!, count: 1, won: 1, mean_predicted: 0.9, observed_rate: 1 }
  return {
    lead_days: 90,
    segment: null,
    template_id: null,
    window_days: 14,
    lead_times: [90, 60, 30],
    closed_deals: 6,
    count: 5,
    won: 2,
    lost: 3,
    brier: 0.233,
    log_loss: 0.634518,
    reliability: bins,
    ...overrides,
  }
}
