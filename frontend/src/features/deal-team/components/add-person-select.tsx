import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../lib/session'

/** Adds someone to the deal team: any active user who is not on it yet. */
export function AddPersonSelect({ users, exclude, onAdd }: { users: User[]; exclude: string[]; onAdd: (userId: string) => void }) {
  const { t } = useTranslation()
  const data = users
    .filter((user) => user.active && !exclude.includes(user.id))
    .map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }))
  return (
    <Select
      label={t('dealTeam.add')}
      placeholder={t('dealTeam.addPlaceholder')}
      searchable
      data={data}
      value={null}
      onChange={(id) => id && onAdd(id)}
      nothingFoundMessage={t('dealTeam.nobodyFound')}
      maw={420}
    />
  )
}
