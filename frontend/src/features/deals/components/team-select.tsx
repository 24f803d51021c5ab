export { TeamSelect } from '../../../components/team-select'
