/**
 * Cache keys of a deal's reviews. They sit under the deal's own key (`dealQueryKey`), so
 * invalidating the deal after a change refreshes them together with its header and activity.
 */
import type { QueryClient } from '@tanstack/react-query'
import { dealListsQueryKey, dealQueryKey } from '../../../lib/deals'

export const reviewKeys = {
  retrospectives: (dealId: string) => [...dealQueryKey(dealId), 'retrospectives'] as const,
  overdue: (dealId: string) => [...dealQueryKey(dealId), 'actions', 'overdue'] as const,
  decisions: (dealId: string) => [...dealQueryKey(dealId), 'gate-decisions'] as const,
  milestones: (dealId: string) => [...dealQueryKey(dealId), 'milestone-refs'] as const,
  /** The signed-in user's open actions across deals. */
  myActions: ['me', 'actions'] as const,
}

/**
 * Refreshes what a review change touches: the deal with everything below it (retrospectives,
 * overdue actions, decisions, activity, confidence), the caller's own actions, and the deals
 * lists, whose confidence column a review moves too.
 */
export async function invalidateReviews(queryClient: QueryClient, dealId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: dealQueryKey(dealId) }),
    queryClient.invalidateQueries({ queryKey: reviewKeys.myActions }),
    queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
  ])
}
