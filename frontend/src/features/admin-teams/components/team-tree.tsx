import { ActionIcon, Badge, Box, Group, Menu, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Team } from '../api/teams'
import type { TeamNode } from '../team-tree'

/** What a team's action menu can ask the page to do. */
export type TeamAction = 'addSub' | 'rename' | 'move' | 'members' | 'delete'

/**
 * The hierarchy as nested lists, so the nesting is in the markup (screen readers announce it) as
 * well as in the indentation. Without `onAction` (no write permission) there are no menus.
 */
export function TeamTree({ nodes, onAction }: { nodes: TeamNode[]; onAction?: (action: TeamAction, team: Team) => void }) {
  const { t } = useTranslation()
  return (
    <Box component="ul" aria-label={t('teams.tree')} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <TeamBranch key={node.team.id} node={node} onAction={onAction} />
      ))}
    </Box>
  )
}

function TeamBranch({ node, onAction }: { node: TeamNode; onAction?: (action: TeamAction, team: Team) => void }) {
  const { t } = useTranslation()
  const { team, children } = node
  return (
    <li>
      <Group gap="sm" py={6} px="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text fw={500} style={{ flex: 1 }}>
          {team.name}
          {team.name_zh && (
            <Text span lang="zh-CN" fw={400} ms="xs">
              {team.name_zh}
            </Text>
          )}
        </Text>
        <Badge variant="light" color="gray">
          {t('teams.memberCount', { count: team.member_ids.length })}
        </Badge>
        {onAction && <TeamMenu team={team} onAction={onAction} />}
      </Group>
      {children.length > 0 && (
        <Box component="ul" m={0} pl={28} style={{ listStyle: 'none' }}>
          {children.map((child) => (
            <TeamBranch key={child.team.id} node={child} onAction={onAction} />
          ))}
        </Box>
      )}
    </li>
  )
}

function TeamMenu({ team, onAction }: { team: Team; onAction: (action: TeamAction, team: Team) => void }) {
  const { t } = useTranslation()
  const item = (action: TeamAction, label: string, color?: string) => (
    <Menu.Item color={color} onClick={() => onAction(action, team)}>
      {label}
    </Menu.Item>
  )
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('teams.actionsFor', { name: team.name })}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {item('addSub', t('teams.addSub'))}
        {item('rename', t('teams.rename'))}
        {item('move', t('teams.move'))}
        {item('members', t('teams.members'))}
        <Menu.Divider />
        {item('delete', t('teams.delete'), 'red')}
      </Menu.Dropdown>
    </Menu>
  )
}
