import type { TFunction } from 'i18next'

/** "+5d", "−3d" or "0d": a number of calendar days late (positive) or early. */
export function shiftLabel(t: TFunction, days: number): string {
  if (days > 0) return t('plan.slip.late', { days })
  if (days < 0) return t('plan.slip.early', { days: -days })
  return t('plan.slip.none')
}
