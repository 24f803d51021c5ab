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
  // The option just picked, kept among the options until the customer itself has loaded: a
  // search still answering (or answering for the picked name) must not drop the choice.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null)
  const [q] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS)
  const selected = useCustomer(value ?? undefined)
  // Once a customer is chosen the box shows its name; searching for it again would hide the others.
  const results = useCustomerSearch(selected.data && q === selected.data.name ? '' : q)

  const options = (results.data?.items ?? []).map((customer) => ({ value: customer.id, label: customer.name }))
  const chosen = selected.data ? { value: selected.data.id, label: selected.data.name } : picked?.value === value ? picked : null
  if (chosen && !options.some((option) => option.value === chosen.value)) {
    options.unshift(chosen)
  }

  return (
    <Select
      searchable
      clearable
      data={options}
      value={value ?? null}
      // Picking the chosen customer again keeps it (the clear button clears).
      allowDeselect={false}
      onChange={(id, option) => {
        setPicked(option ? { value: option.value, label: option.label } : null)
        onChange(id)
      }}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('deals.customer.none')}
      {...props}
    />
  )
}
