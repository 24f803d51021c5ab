/**
 * The deal as the API returns it, and the cache keys every feature that shows or changes a deal
 * shares: the deals list, the workspace header, the deal team and the activity trail all read or
 * refresh these, and features do not import each other.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { Schema } from './api-client'

/** A deal role, also the role that owns a milestone. */
export type DealRole = Schema<'OwnerRole'>

/** Every deal role, in the order the UI shows them. */
export const DEAL_ROLES: readonly DealRole[] = ['pmo', 'business', 'solution']

/** Where a deal stands. */
export type DealStatus = Schema<'DealStatus'>

/** Every deal status, in the order the UI offers them. */
export const DEAL_STATUSES: readonly DealStatus[] = ['open', 'won', 'lost', 'abandoned']

/** `g2b` (government) or `key_account` (enterprise key accounts). */
export type Segment = Schema<'Segment'>

/** Every segment. */
export const SEGMENTS: readonly Segment[] = ['g2b', 'key_account']

/** A user holding a role on one deal. */
export type DealMember = Schema<'DealMember'>

/** How late the plan runs against its latest baseline, in calendar days; null without a baseline. */
export type Slippage = Schema<'Slippage'>

/** One opportunity run as a project (`GET /deals/{id}`); lists carry no `slippage` or `permissions`. */
export type Deal = Schema<'Deal'>

/** A permission on one deal, `"<part>:<action>"`. */
export type DealPermission = `${'deal' | 'deal.plan' | 'deal.baselines' | 'deal.team' | 'deal.stakeholders' | 'deal.retrospectives' | 'deal.judgement'}:${'read' | 'write' | 'create'}`

/** True when the deal's `permissions` grant `permission`; the server still decides. */
export function canOnDeal(permissions: readonly string[] | undefined, permission: DealPermission): boolean {
  return permissions?.includes(permission) ?? false
}

/** The root of every deal cache key: invalidating it refreshes lists, deals and their activity. */
export const dealsQueryKey = ['deals'] as const

/** The root of the deals list keys (one per filter set). */
export const dealListsQueryKey = ['deals', 'list'] as const

/** One deal; its activity lives below it, so invalidating this refreshes both. */
export function dealQueryKey(id: string) {
  return ['deals', 'detail', id] as const
}

/**
 * A deal's confidence for `period` (the server's current fiscal quarter when undefined). It sits
 * under the deal's key, so every change that refreshes the deal (plan, stakeholders, reviews,
 * gate decisions, judgement) refreshes the confidence too.
 */
export function dealConfidenceQueryKey(id: string, period?: string) {
  return [...dealQueryKey(id), 'confidence', period ?? 'current'] as const
}

/** The PMO's forecast category of a deal. */
export type ForecastCategory = Schema<'ForecastCategory'>

/** Every forecast category, from the surest to the one left out of the forecast. */
export const FORECAST_CATEGORIES: readonly ForecastCategory[] = ['commit', 'best_case', 'pipeline', 'omitted']

/** A deal's activity trail. */
export function dealActivityQueryKey(id: string) {
  return [...dealQueryKey(id), 'activity'] as const
}

/**
 * After a change to a deal: puts the saved deal in the cache at once (keeping the permissions only
 * `GET` reports), then refetches it, since the change may alter them, together with its activity
 * and every deals list.
 */
export async function refreshSavedDeal(queryClient: QueryClient, saved: Deal): Promise<void> {
  queryClient.setQueryData<Deal>(dealQueryKey(saved.id), (old) => ({
    ...saved,
    slippage: saved.slippage ?? old?.slippage,
    permissions: old?.permissions ?? saved.permissions,
  }))
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: dealQueryKey(saved.id) }),
    queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
  ])
}
