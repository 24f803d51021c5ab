import { Button, Center, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { canOnDeal } from '../../lib/deals'
import { useContacts, useStakeholders } from './api/stakeholder-queries'
import type { Stance } from './api/types'
import { AddStakeholderModal } from './components/add-stakeholder-modal'
import { OrgChart } from './components/org-chart'
import { PersonDrawer } from './components/person-drawer'
import { PowerMap } from './components/power-map'
import { StakeholderTable } from './components/stakeholder-table'
import { StanceChangeDialog } from './components/stance-change-dialog'
import { usePersonFacts, type PersonActions } from './person-facts'
import { STAKEHOLDER_VIEWS, useStakeholderView } from './use-stakeholder-view'

/**
 * The Stakeholders tab of a deal workspace: the customer's people as a power map, an org chart
 * or a table, with the person drawer, the quick stance change and "add stakeholder" for those
 * with `deal.stakeholders:write`. The server still decides every change.
 */
export function StakeholdersTab({ dealId, customerId, permissions }: { dealId: string; customerId: string; permissions: string[] }) {
  const { t } = useTranslation()
  const canEdit = canOnDeal(permissions, 'deal.stakeholders:write')
  const [view, setView] = useStakeholderView()
  const people = useStakeholders(dealId)
  const contacts = useContacts(customerId)
  const facts = usePersonFacts(dealId)
  const [openId, setOpenId] = useState<string | null>(null)
  const [stanceChange, setStanceChange] = useState<{ id: string; stance: Stance } | null>(null)
  const [adding, setAdding] = useState(false)

  if (people.isPending) return <Center py="xl"><Loader size="sm" /></Center>
  if (people.isError) return <ErrorAlert error={people.error} />
  const list = people.data
  const byId = (id: string | null) => (id ? list.find((p) => p.id === id) : undefined)
  const open = byId(openId)
  const changing = byId(stanceChange?.id ?? null)
  const reload = async () => (await people.refetch()).data
  const actions: PersonActions = {
    canEdit,
    onOpen: setOpenId,
    onStance: (id, stance) => setStanceChange({ id, stance }),
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl aria-label={t('stakeholders.view.label')} value={view} onChange={(value) => setView(value as typeof view)}
          data={STAKEHOLDER_VIEWS.map((value) => ({ value, label: t(`stakeholders.view.${value}`) }))} />
        {canEdit && <Button onClick={() => setAdding(true)}>{t('stakeholders.actions.add')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">{canEdit ? t('stakeholders.description') : t('stakeholders.readOnly')}</Text>
      {list.length === 0 && view !== 'org' && <Text c="dimmed">{t('stakeholders.empty')}</Text>}
      {list.length > 0 && view === 'map' && <PowerMap people={list} facts={facts} actions={actions} />}
      {list.length > 0 && view === 'table' && <StakeholderTable people={list} facts={facts} actions={actions} />}
      {view === 'org' && (contacts.isError ? <ErrorAlert error={contacts.error} /> : contacts.isPending ? <Loader size="sm" />
        : <OrgChart contacts={contacts.data} people={list} onOpen={setOpenId} />)}

      {open && (
        <PersonDrawer key={open.id} dealId={dealId} customerId={customerId} contacts={contacts.data ?? []} person={open} canEdit={canEdit} facts={facts} onReload={reload} onClose={() => setOpenId(null)} />
      )}
      {stanceChange && changing && (
        <StanceChangeDialog key={`${changing.id}:${stanceChange.stance}`} dealId={dealId} person={changing} stance={stanceChange.stance}
          onReload={reload} onClose={() => setStanceChange(null)} />
      )}
      {adding && (
        <AddStakeholderModal dealId={dealId} customerId={customerId} contacts={contacts.data ?? []} onDeal={new Set(list.map((p) => p.contact_id))}
          milestones={facts.milestones} milestoneLabel={facts.milestoneLabel} onClose={() => setAdding(false)} />
      )}
    </Stack>
  )
}
