/** Comparing plans — today's and its baselines — as plain functions. */
import type { Baseline, Milestone } from './api/types'
import { daysBetween } from './gantt/calendar'

/**
 * The committed baseline, which slippage is measured against: the one the server marks
 * committed, else the first one taken (the list is newest first). Null without baselines.
 */
export function committedBaseline(baselines: readonly Baseline[]): Baseline | null {
  return baselines.find((b) => b.committed) ?? baselines.at(-1) ?? null
}

/** How many times the plan was baselined again after the first baseline. */
export function rebaselineCount(baselines: readonly Baseline[]): number {
  return Math.max(baselines.length - 1, 0)
}

/** The baseline to compare with: the one chosen when it exists, else the committed one. */
export function comparedBaseline(baselines: readonly Baseline[], chosenId: string | null): Baseline | null {
  return baselines.find((b) => b.id === chosenId) ?? committedBaseline(baselines)
}

/** One milestone in two plans; `then` is null when the older plan does not hold it. */
export interface BaselineDiff {
  milestone: Milestone
  then: { start: string; due: string } | null
  now: { start: string; due: string }
  /** Calendar days the due date moved from the one plan to the other (positive = later). */
  dueShift: number | null
}

/**
 * The milestones whose dates differ between baseline `from` and `to` — another baseline, or
 * today's plan when null — in plan order. Milestones `to` does not hold are left out.
 */
export function baselineDiffs(milestones: readonly Milestone[], from: Baseline, to: Baseline | null = null): BaselineDiff[] {
  const frozen = new Map(from.milestones.map((m) => [m.milestone_id, m]))
  const later = to && new Map(to.milestones.map((m) => [m.milestone_id, m]))
  const diffs: BaselineDiff[] = []
  for (const milestone of milestones) {
    const then = frozen.get(milestone.id)
    const other = later ? later.get(milestone.id) : { planned_start: milestone.planned_start, planned_due: milestone.planned_due }
    if (!other) continue
    const now = { start: other.planned_start, due: other.planned_due }
    if (!then) {
      diffs.push({ milestone, then: null, now, dueShift: null })
    } else if (then.planned_start !== now.start || then.planned_due !== now.due) {
      diffs.push({ milestone, then: { start: then.planned_start, due: then.planned_due }, now, dueShift: daysBetween(then.planned_due, now.due) })
    }
  }
  return diffs
}
