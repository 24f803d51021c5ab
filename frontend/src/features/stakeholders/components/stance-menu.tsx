import { Badge, Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { STANCES, type Stance } from '../api/types'
import { STANCE_COLORS } from '../stakeholder-colors'

/** A stance as a coloured badge. */
export function StanceBadge({ stance, size = 'sm' }: { stance: Stance; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation()
  return (
    <Badge color={STANCE_COLORS[stance]} variant="light" size={size}>
      {t(`terms.stances.${stance}`)}
    </Badge>
  )
}

/**
 * A person's stance; for editors a button (the stance, its colour and a ▾: it reads as
 * something to press, not a label) that opens a menu of the other stances (the quick
 * stance change). Picking one only reports it: the caller asks for the note before saving.
 */
export function StanceMenu({ name, stance, canEdit, onPick, size }: {
  name: string
  stance: Stance
  canEdit: boolean
  onPick: (stance: Stance) => void
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  if (!canEdit) return <StanceBadge stance={stance} size={size} />
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          color={STANCE_COLORS[stance]}
          size={size === 'xs' ? 'compact-xs' : 'compact-sm'}
          radius="xl"
          rightSection={<span aria-hidden="true">▾</span>}
          aria-label={t('stakeholders.actions.changeStance', { name, stance: t(`terms.stances.${stance}`) })}
          data-stance={stance}
          onClick={(event) => event.stopPropagation()}
        >
          {t(`terms.stances.${stance}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('stakeholders.fields.stance')}</Menu.Label>
        {STANCES.map((value) => (
          <Menu.Item key={value} disabled={value === stance} onClick={() => onPick(value)}
            leftSection={<Badge color={STANCE_COLORS[value]} size="xs" circle> </Badge>}>
            {t(`terms.stances.${value}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
