import type { Activity } from '../api/activity'
import { useActivitySentence } from './use-activity-sentence'

/** One activity entry as its sentence, for other screens that list entries (the deal's confidence over time). */
export function ActivitySentence({ entry }: { entry: Activity }) {
  const sentence = useActivitySentence()
  return <>{sentence(entry)}</>
}
