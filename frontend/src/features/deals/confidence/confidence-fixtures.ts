export { aConfidence } from '../../../test/confidence-fixtures'
