import type { Milestone } from './api/types'

/** What the caller may do to a deal's plan, from the deal's `permissions` (GET /deals/{id}). */
export interface PlanAccess {
  /** Add, remove, reorder, import, and edit any milestone. */
  canEditPlan: boolean
  /** Take baselines. */
  canTakeBaseline: boolean
  /** Edit, move or remove this milestone (the solution role may edit those it owns). */
  canEdit: (milestone: Pick<Milestone, 'owner_role'>) => boolean
}

/** Reads the plan's rights from the deal's permission strings. */
export function planAccess(permissions: readonly string[]): PlanAccess {
  const canEditPlan = permissions.includes('deal.plan:write')
  const canEditSolution = permissions.includes('deal.plan.solution:write')
  return {
    canEditPlan,
    canTakeBaseline: permissions.includes('deal.baselines:write'),
    canEdit: (milestone) => canEditPlan || (canEditSolution && milestone.owner_role === 'solution'),
  }
}
