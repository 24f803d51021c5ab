import { Table, UnstyledButton } from '@mantine/core'

/**
 * A sortable table column header: clicking sorts by `column` ascending, clicking again descending
 * (`-column`, the API's convention). `sort` is the list's current order.
 */
export function SortHeader<Sort extends string>({
  column,
  label,
  sort,
  onSort,
  sortByLabel,
}: {
  column: string
  label: string
  sort: Sort
  onSort: (sort: Sort) => void
  /** The button's accessible hint, e.g. "Sort by Amount". */
  sortByLabel: string
}) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none'
  const next = (direction === 'ascending' ? `-${column}` : column) as Sort
  return (
    <Table.Th aria-sort={direction} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" title={sortByLabel}>
        {label} {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
      </UnstyledButton>
    </Table.Th>
  )
}
