import { useTranslation } from 'react-i18next'
import { AUDIT_ACTIONS, type AuditAction } from '../api/audit'

/** The translated name of an audit action; an action this UI does not know keeps its code. */
export function useActionLabel() {
  const { t } = useTranslation()
  return (action: string): string => {
    if (!AUDIT_ACTIONS.includes(action as AuditAction)) return action
    // Translation keys cannot contain dots, so `team.members_set` is `audit.actions.team_members_set`.
    const key = action.replace('.', '_') as `${string}_${string}`
    return t(`audit.actions.${key}` as 'audit.actions.auth_login')
  }
}
