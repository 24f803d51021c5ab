import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { teamPath, useTeamDirectory, withSubTeams } from '../lib/directory'
import { useSignedIn } from '../lib/session'

/**
 * Picks a team, each named with its parents; with `mineFirst` the signed-in user's teams (and
 * their sub-teams, where they may create deals) come first, the others after.
 */
export function TeamSelect({ mineFirst = false, ...props }: Omit<SelectProps, 'data'> & { mineFirst?: boolean }) {
  const { t, i18n } = useTranslation()
  const teams = useTeamDirectory()
  const mine = withSubTeams(teams.data ?? [], useSignedIn().user.team_ids)
  const options = (teams.data ?? [])
    .map((team) => ({ value: team.id, label: teamPath(teams.data ?? [], team.id, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label))

  const own = options.filter((option) => mine.has(option.value))
  const others = options.filter((option) => !mine.has(option.value))
  const data =
    mineFirst && own.length > 0 && others.length > 0
      ? [
          { group: t('deals.team.yourTeams'), items: own },
          { group: t('deals.team.otherTeams'), items: others },
        ]
      : mineFirst
        ? [...own, ...others]
        : options

  return <Select searchable data={data} disabled={teams.isPending} {...props} />
}
