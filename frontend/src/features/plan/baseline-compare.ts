/** Comparing today's plan with a baseline, as plain functions. */
import type { Baseline, Milestone } from './api/types'
import { daysBetween } from './gantt/calendar'

/** The baseline to compare with: the one chosen when it exists, else the latest (first). */
export function comparedBaseline(baselines: readonly Baseline[], chosenId: string | null): Baseline | null {
  return baselines.find((b) => b.id === chosenId) ?? baselines[0] ?? null
}

/** One milestone now and in the baseline; `then` is null when the baseline predates it. */
export interface BaselineDiff {
  milestone: Milestone
  then: { start: string; due: string } | null
  /** Calendar days the due date moved since the baseline (positive = later). */
  dueShift: number | null
}

/** The milestones whose dates differ from `baseline` (or that it does not hold), in plan order. */
export function baselineDiffs(milestones: readonly Milestone[], baseline: Baseline): BaselineDiff[] {
  const frozen = new Map(baseline.milestones.map((m) => [m.milestone_id, m]))
  const diffs: BaselineDiff[] = []
  for (const milestone of milestones) {
    const then = frozen.get(milestone.id)
    if (!then) {
      diffs.push({ milestone, then: null, dueShift: null })
    } else if (then.planned_start !== milestone.planned_start || then.planned_due !== milestone.planned_due) {
      diffs.push({ milestone, then: { start: then.planned_start, due: then.planned_due }, dueShift: daysBetween(then.planned_due, milestone.planned_due) })
    }
  }
  return diffs
}
