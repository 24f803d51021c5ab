export { useFiscalStartMonth } from '../../../lib/meta'
