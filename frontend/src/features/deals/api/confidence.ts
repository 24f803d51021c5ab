export { useDealConfidence, type Confidence, type ConfidenceFactor, type TimingNote } from '../../../lib/confidence'
