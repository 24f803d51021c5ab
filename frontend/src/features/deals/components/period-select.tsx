export { PeriodSelect, usePeriodLabel } from '../../../components/period-select'
