import { Badge, Chip, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DEAL_ROLES, type DealRole } from '../../../lib/deals'

const COLORS: Record<DealRole, string> = { pmo: 'indigo', business: 'orange', solution: 'teal' }

/** A person's deal roles: toggle chips when `onChange` is given, plain badges otherwise. */
export function RoleChips({ roles, onChange, name }: { roles: DealRole[]; onChange?: (roles: DealRole[]) => void; name: string }) {
  const { t } = useTranslation()
  if (!onChange) {
    return (
      <Group gap={6}>
        {roles.map((role) => (
          <Badge key={role} variant="light" color={COLORS[role]}>
            {t(`terms.dealRoles.${role}`)}
          </Badge>
        ))}
      </Group>
    )
  }
  return (
    <Chip.Group multiple value={roles} onChange={(value) => onChange(value as DealRole[])}>
      <Group gap={6} role="group" aria-label={t('dealTeam.rolesOf', { name })}>
        {DEAL_ROLES.map((role) => (
          <Chip key={role} value={role} size="xs" color={COLORS[role]} variant="light">
            {t(`terms.dealRoles.${role}`)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  )
}
