import type { MyAction } from './api/types'

/** A deal's run of items on My actions. */
export interface DealGroup {
  dealId: string
  dealName: string
  items: MyAction[]
}

/**
 * Groups My actions by deal, keeping the API's order: it lists a deal's items together
 * (deals by their earliest due date), so a group only grows across pages, never repeats.
 */
export function groupByDeal(items: readonly MyAction[]): DealGroup[] {
  const groups: DealGroup[] = []
  const byDeal = new Map<string, DealGroup>()
  for (const item of items) {
    let group = byDeal.get(item.deal_id)
    if (!group) {
      group = { dealId: item.deal_id, dealName: item.deal_name, items: [] }
      byDeal.set(item.deal_id, group)
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups
}
