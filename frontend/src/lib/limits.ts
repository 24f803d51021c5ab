// Input limits, the same as the API's (domain/limits.go) and the database's CHECKs
// (repository/migrations/00005_input_limits.sql): forms stop typing at these lengths
// and clamp numbers to these ranges, so the server's 422 is only a last resort.
// Text limits count characters.
export const LIMITS = {
  /** People, teams, customers, contacts, templates, baselines; job titles, departments. */
  name: 200,
  /** Deals, milestones and template steps. */
  title: 300,
  actionTitle: 500,
  tokenName: 100,
  /** A customer's region and industry. */
  label: 100,
  email: 254,
  passwordMin: 12,
  passwordMax: 128,
  phone: 50,
  nextStep: 1000,
  /** Status reasons, a baseline's reason, the note kept with a change. */
  reason: 2000,
  /** Notes, exit criteria, rationale, conditions, retrospectives. */
  text: 4000,
  weightMin: 0,
  weightMax: 1000,
  durationDaysMin: 1,
  durationDaysMax: 3650,
  /** A deal's amount in minor units is below 10^15. */
  amountMinorMax: 999_999_999_999_999,
  scoreMin: 1,
  scoreMax: 5,
  templateSteps: 200,
  /** Every date, in forms as in the API (deals.MinDate, deals.MaxDate). */
  dateMin: '1990-01-01',
  dateMax: '2200-12-31',
} as const

/** The largest amount in major units (what the form shows) for a currency with `digits` decimals. */
export function maxAmount(digits: number): number {
  return LIMITS.amountMinorMax / 10 ** digits
}
