import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { monthsFrom, periodParts, quartersFrom } from '../lib/periods'
import { useFiscalStartMonth } from '../lib/meta'

const QUARTERS = 5
const MONTHS = 6

/** The period's name in the UI language: "FY2026 Q4" / "2026财年第4季度", "Nov 2026" / "2026年11月". */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation()
  return (period: string): string => {
    const parts = periodParts(period)
    if (!parts) return period
    if (parts.kind === 'quarter') return t('deals.period.quarter', { year: parts.year, quarter: parts.quarter })
    return new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(parts.year, parts.month - 1, 1)),
    )
  }
}

/** Picks a close period: the current and next fiscal quarters, then the next months. */
export function PeriodSelect({ value, ...props }: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation()
  const label = usePeriodLabel()
  const today = new Date()
  const quarters = quartersFrom(today, useFiscalStartMonth(), QUARTERS)
  const months = monthsFrom(today, MONTHS)
  // A period from a link that is not offered any more (say, last quarter) still shows.
  const extra = value && !quarters.includes(value) && !months.includes(value) ? [value] : []
  const item = (period: string) => ({ value: period, label: label(period) })
  const data = [
    { group: t('deals.period.quarters'), items: [...extra.filter((p) => p.includes('Q')), ...quarters].map(item) },
    { group: t('deals.period.months'), items: [...extra.filter((p) => !p.includes('Q')), ...months].map(item) },
  ]
  return <Select data={data} value={value} {...props} />
}
