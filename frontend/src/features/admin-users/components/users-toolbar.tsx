import { Button, Group, SegmentedControl, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePermission } from '../../../lib/session'
import type { UserFilters } from '../api/users'

const SEARCH_DELAY_MS = 300

/** Search box, active/inactive filter and the "New user" button above the users table. */
export function UsersToolbar({
  filters,
  onChange,
  onCreate,
}: {
  filters: UserFilters
  onChange: (changes: Partial<UserFilters>) => void
  onCreate: () => void
}) {
  const { t } = useTranslation()
  const canWrite = usePermission('users:write')
  const [search, setSearch] = useState(filters.q)
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), SEARCH_DELAY_MS)
  const status = filters.active === undefined ? 'all' : String(filters.active)

  return (
    <Group justify="space-between" align="flex-end">
      <Group align="flex-end">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value)
            commitSearch(event.currentTarget.value)
          }}
          w={260}
        />
        <SegmentedControl
          aria-label={t('users.statusFilter')}
          value={status}
          onChange={(value) => onChange({ active: value === 'all' ? undefined : value === 'true' })}
          data={[
            { value: 'all', label: t('users.all') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
      </Group>
      {canWrite && <Button onClick={onCreate}>{t('users.new')}</Button>}
    </Group>
  )
}
