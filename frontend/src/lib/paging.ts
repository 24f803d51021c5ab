/** One page of a list endpoint: `{"items": [...], "next_cursor": "…" | null}`. */
export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

/** TanStack Query's `getNextPageParam` for cursor-paged lists: undefined on the last page. */
export function nextCursor<T>(page: Page<T>): string | undefined {
  return page.next_cursor ?? undefined
}

/**
 * The page size for lists a screen needs whole: the API's maximum (`limit` 1–500), so a
 * typical list is one request and a longer one a few.
 */
export const WHOLE_LIST_PAGE_SIZE = 500

/** Follows `next_cursor` to the end, for the few lists a screen needs whole (e.g. a picker). */
export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await fetchPage(cursor)
    items.push(...page.items)
    cursor = nextCursor(page)
  } while (cursor)
  return items
}
