import type { DecisionRole, Stance } from './api/types'

/** The Mantine colour of each decision role (the power map's card colours and legend). */
export const ROLE_COLORS: Record<DecisionRole, string> = {
  decision_maker: 'grape',
  economic_buyer: 'orange',
  technical_evaluator: 'blue',
  user: 'cyan',
  influencer: 'yellow',
  gatekeeper: 'gray',
  coach: 'lime',
}

/** The Mantine colour of each stance, green (champion) to red (blocker). */
export const STANCE_COLORS: Record<Stance, string> = {
  champion: 'green',
  supporter: 'teal',
  neutral: 'gray',
  skeptic: 'orange',
  blocker: 'red',
}

/** A CSS colour of a Mantine colour at `shade`. */
export function cssColor(color: string, shade: number): string {
  return `var(--mantine-color-${color}-${shade})`
}
