export { useFiscalStartMonth } from '../../../lib/fiscal'
