import { defaultOptionsFilter, isOptionsGroup, Select, type ComboboxItem, type ComboboxItemGroup, type OptionsFilter } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DealMember } from '../../../lib/deals'
import { useUserDirectory } from '../../../lib/directory'

/**
 * Picks a milestone's assignee: the deal team is offered (with each one's deal role); anyone
 * else appears once the user types part of their name or email. Clearable: nobody assigned.
 */
export function AssigneeSelect({ team, value, onChange, disabled, error }: {
  team: readonly DealMember[]
  value: string
  onChange: (userId: string) => void
  disabled?: boolean
  error?: React.ReactNode
}) {
  const { t } = useTranslation()
  const users = useUserDirectory().data ?? []
  const teamIds = new Set(team.map((member) => member.user_id))
  const teamGroup = t('planTrust.assignee.team')
  const roleLabel = (id: string) => {
    const role = team.find((member) => member.user_id === id)?.role
    return role ? t(`terms.dealRoles.${role}`) : ''
  }
  const data: ComboboxItemGroup<ComboboxItem<string>>[] = [
    {
      group: teamGroup,
      items: users.filter((user) => teamIds.has(user.id)).map((user) => ({ value: user.id, label: `${user.name} · ${roleLabel(user.id)}` })),
    },
    {
      group: t('planTrust.assignee.others'),
      // Inactive users are left out, except the one assigned now (so the field still shows them).
      items: users.filter((user) => !teamIds.has(user.id) && (user.active || user.id === value)).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` })),
    },
  ]
  // Without a search only the deal team shows; typing searches everyone.
  const filter: OptionsFilter<string> = (input) =>
    input.search.trim()
      ? (defaultOptionsFilter(input) as ReturnType<OptionsFilter<string>>)
      : input.options.filter((option) => isOptionsGroup(option) && option.group === teamGroup)
  return (
    <Select
      label={t('planTrust.assignee.label')}
      placeholder={t('planTrust.assignee.placeholder')}
      searchable
      clearable
      data={data}
      filter={filter}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      nothingFoundMessage={t('planTrust.assignee.nobody')}
      disabled={disabled}
      error={error}
    />
  )
}
