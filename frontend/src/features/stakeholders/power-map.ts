import { LEVELS, STANCES, type Stance, type Stakeholder } from './api/types'

/** The key of one power-map cell: influence (1–5) × stance. */
export function cellKey(influence: number, stance: Stance): string {
  return `${influence}:${stance}`
}

/**
 * Sorts people into the power map's cells, influence 5 → 1 by stance champion → blocker.
 * An influence outside 1–5 (the server never sends one) is clamped rather than dropped.
 */
export function powerMapCells(people: readonly Stakeholder[]): Map<string, Stakeholder[]> {
  const cells = new Map<string, Stakeholder[]>()
  for (const influence of LEVELS) for (const stance of STANCES) cells.set(cellKey(influence, stance), [])
  for (const person of people) {
    const influence = Math.min(5, Math.max(1, Math.round(person.influence)))
    cells.get(cellKey(influence, person.stance))?.push(person)
  }
  return cells
}

/** Today as `YYYY-MM-DD` in the viewer's time zone. */
export function todayIso(now: Date = new Date()): string {
  return now.toLocaleDateString('en-CA')
}

/** True when the person has a next step whose due date is before `today`. */
export function nextStepOverdue(person: Pick<Stakeholder, 'next_step' | 'next_step_due'>, today: string): boolean {
  return person.next_step.trim() !== '' && person.next_step_due !== null && person.next_step_due < today
}
