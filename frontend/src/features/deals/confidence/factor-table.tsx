export { FactorTable } from '../../../components/factor-table'
