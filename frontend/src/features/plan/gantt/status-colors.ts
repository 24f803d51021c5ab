import type { MilestoneStatus } from '../api/types'

/** The Mantine colour of each status and the shade its Gantt bar is filled with. */
const STATUS_COLORS: Record<MilestoneStatus, { color: string; shade: number }> = {
  planned: { color: 'indigo', shade: 3 },
  in_progress: { color: 'cyan', shade: 6 },
  done: { color: 'teal', shade: 6 },
  blocked: { color: 'red', shade: 6 },
  skipped: { color: 'gray', shade: 4 },
}

/** The Mantine colour name of a status, for badges. */
export function statusColorName(status: MilestoneStatus): string {
  return STATUS_COLORS[status].color
}

/** The CSS colour a status's bar is filled with. */
export function statusFill(status: MilestoneStatus): string {
  const { color, shade } = STATUS_COLORS[status]
  return `var(--mantine-color-${color}-${shade})`
}
