export { useExplanations } from '../../../lib/explanations'
