import { Badge, Box, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { STANCES, type Contact, type Stakeholder } from '../api/types'
import { buildOrgTree, type OrgNode } from '../org-tree'
import { cssColor, STANCE_COLORS } from '../stakeholder-colors'

const LINE = 'var(--mantine-color-gray-4)'
const GAP = 16

/**
 * The customer's people by reports-to, top-down. This deal's stakeholders are coloured by
 * stance and open the person drawer; the other contacts are shown muted.
 */
export function OrgChart({ contacts, people, onOpen }: { contacts: Contact[]; people: Stakeholder[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const byContact = new Map(people.map((person) => [person.contact_id, person]))
  if (contacts.length === 0) return <Text c="dimmed">{t('stakeholders.org.empty')}</Text>
  return (
    <Stack gap="xs">
      <ScrollArea type="auto" offsetScrollbars>
        {/* Separate trees (and people with no known manager) wrap into rows; one wide tree scrolls. */}
        <Box component="ul" aria-label={t('stakeholders.view.org')} style={{ ...LIST, flexWrap: 'wrap', rowGap: 2 * GAP, padding: 8 }}>
          {byTreeSize(buildOrgTree(contacts)).map((node) => (
            <Box component="li" key={node.contact.id} style={{ ...ITEM, padding: `0 ${GAP / 2}px` }}>
              <Branch node={node} byContact={byContact} onOpen={onOpen} />
            </Box>
          ))}
        </Box>
      </ScrollArea>
      <OrgLegend />
    </Stack>
  )
}

/** Trees with reporting lines first, then people on their own; each group keeps its order. */
function byTreeSize(roots: OrgNode[]): OrgNode[] {
  return [...roots.filter((root) => root.reports.length > 0), ...roots.filter((root) => root.reports.length === 0)]
}

const LIST: CSSProperties = { display: 'flex', alignItems: 'flex-start', listStyle: 'none', margin: 0, padding: 0 }
const ITEM: CSSProperties = { display: 'flex', flexDirection: 'column', alignItems: 'center', position: 'relative' }

function Branch({ node, byContact, onOpen }: { node: OrgNode; byContact: Map<string, Stakeholder>; onOpen: (id: string) => void }) {
  const last = node.reports.length - 1
  return (
    <>
      <Person contact={node.contact} person={byContact.get(node.contact.id)} onOpen={onOpen} />
      {node.reports.length > 0 && (
        <>
          <div aria-hidden="true" style={{ width: 1, height: GAP, background: LINE }} />
          <ul style={LIST}>
            {node.reports.map((report, index) => (
              <li key={report.contact.id} style={{ ...ITEM, padding: `${GAP}px ${GAP / 2}px 0` }}>
                {/* The bar above the reports: each draws its half towards its neighbours, and a drop to its box. */}
                <div aria-hidden="true" style={{ position: 'absolute', top: 0, left: 0, width: '50%', height: 1, background: index === 0 ? 'transparent' : LINE }} />
                <div aria-hidden="true" style={{ position: 'absolute', top: 0, right: 0, width: '50%', height: 1, background: index === last ? 'transparent' : LINE }} />
                <div aria-hidden="true" style={{ position: 'absolute', top: 0, left: '50%', width: 1, height: GAP, background: LINE }} />
                <Branch node={report} byContact={byContact} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

function Person({ contact, person, onOpen }: { contact: Contact; person?: Stakeholder; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const box: CSSProperties = { width: 168, padding: '6px 8px', borderRadius: 6, textAlign: 'center' }
  const details = [contact.title, contact.department].filter(Boolean).join(' · ')
  if (!person) {
    return (
      <div data-contact-id={contact.id} data-on-deal="false" title={t('stakeholders.org.notOnDeal')}
        style={{ ...box, border: `1px dashed ${LINE}`, background: 'var(--mantine-color-gray-0)', opacity: 0.65 }}>
        <Text size="sm" c="dimmed" lineClamp={2}>{contact.name}</Text>
        {details && <Text size="xs" c="dimmed" lineClamp={2}>{details}</Text>}
      </div>
    )
  }
  const color = STANCE_COLORS[person.stance]
  return (
    <UnstyledButton data-contact-id={contact.id} data-on-deal="true" onClick={() => onOpen(person.id)}
      aria-label={`${t('stakeholders.actions.open', { name: contact.name })} (${t(`terms.stances.${person.stance}`)})`}
      style={{ ...box, border: `2px solid ${cssColor(color, 6)}`, background: cssColor(color, 0) }}>
      <Text size="sm" fw={600} lineClamp={2}>{contact.name}</Text>
      {details && <Text size="xs" c="dimmed" lineClamp={2}>{details}</Text>}
      <Badge mt={4} size="xs" color={color} variant="filled">{t(`terms.stances.${person.stance}`)}</Badge>
    </UnstyledButton>
  )
}

/** What the boxes' colours and the muted boxes mean. */
function OrgLegend() {
  const { t } = useTranslation()
  return (
    <Group gap="md">
      <Text size="xs" fw={600}>{t('stakeholders.org.onDeal')}</Text>
      {STANCES.map((stance) => (
        <Badge key={stance} size="xs" color={STANCE_COLORS[stance]} variant="filled">{t(`terms.stances.${stance}`)}</Badge>
      ))}
      <Text size="xs" c="dimmed" px={6} style={{ border: `1px dashed ${LINE}`, borderRadius: 4, opacity: 0.8 }}>{t('stakeholders.org.notOnDeal')}</Text>
    </Group>
  )
}
