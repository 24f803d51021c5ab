import { useTranslation } from 'react-i18next'
import { teamName, useTeamDirectory } from '../../../lib/directory'

/**
 * A board team's name in the reader's language: the board sends each team's English name;
 * the team directory has its Chinese one. Without a team id (the company) the board's name stays.
 */
export function useTeamLabel(): (teamId: string | null | undefined, fallback: string) => string {
  const { i18n } = useTranslation()
  const teams = useTeamDirectory()
  return (teamId, fallback) => {
    const team = teamId ? teams.data?.find((entry) => entry.id === teamId) : undefined
    return team ? teamName(team, i18n.language) : fallback
  }
}
