import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomer, useCustomerSearch } from '../api/customers'

const SEARCH_DELAY_MS = 250

/**
 * Picks a customer by searching `GET /customers?q=` as the user types; the chosen one is named
 * even when it is not among the current results (e.g. opened from a link).
 */
export function CustomerSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> & {
  value?: string | null
  onChange: (id: string | null) => void
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS)
  const selected = useCustomer(value ?? undefined)
  // Once a customer is chosen the box shows its name; searching for it again would hide the others.
  const results = useCustomerSearch(selected.data && q === selected.data.name ? '' : q)

  const options = (results.data?.items ?? []).map((customer) => ({ value: customer.id, label: customer.name }))
  if (selected.data && !options.some((option) => option.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name })
  }

  return (
    <Select
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(id) => onChange(id)}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('deals.customer.none')}
      {...props}
    />
  )
}
