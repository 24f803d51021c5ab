import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useUserDirectory } from '../../../lib/directory'
import { showFieldErrors } from '../../../lib/form-errors'
import { SignedInContext } from '../../../lib/session'
import { useCreateStakeholder } from '../api/stakeholder-mutations'
import type { Contact, DecisionRole, MilestoneRef, NewStakeholder, Stance } from '../api/types'
import { useChoices } from './person-fields'
import { ReportsToSelect } from './reports-to-select'
import { LIMITS } from '../../../lib/limits'

interface AddValues {
  source: 'existing' | 'new'
  contact_id: string | null
  name: string
  title: string
  reports_to_id: string | null
  decision_role: DecisionRole | null
  influence: string
  stance: Stance
  owner_id: string | null
  milestone_ids: string[]
}

/** The POST body for the form's values: the contact by id, or a new one by name and title. */
function toNewStakeholder(values: AddValues): NewStakeholder {
  const who = values.source === 'existing' ? { contact_id: values.contact_id ?? '' } : { name: values.name.trim(), title: values.title.trim(), reports_to_id: values.reports_to_id }
  return {
    ...who,
    decision_role: values.decision_role!,
    influence: Number(values.influence),
    stance: values.stance,
    owner_id: values.owner_id,
    milestone_ids: values.milestone_ids,
  }
}

/** Adds a person to the deal: an existing contact of the customer not on it yet, or a new one. */
export function AddStakeholderModal({ dealId, customerId, contacts, onDeal, milestones, milestoneLabel, onClose }: {
  dealId: string
  customerId: string
  contacts: Contact[]
  /** Contact ids already on the deal. */
  onDeal: Set<string>
  milestones: MilestoneRef[]
  milestoneLabel: (id: string) => string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const me = useContext(SignedInContext)?.user.id ?? null
  const users = useUserDirectory()
  const create = useCreateStakeholder(dealId, customerId)
  const choices = useChoices()
  const free = contacts.filter((contact) => !onDeal.has(contact.id))
  const form = useForm<AddValues>({
    initialValues: {
      source: free.length > 0 ? 'existing' : 'new', contact_id: null, name: '', title: '', reports_to_id: null,
      decision_role: null, influence: '3', stance: 'neutral', owner_id: me, milestone_ids: [],
    },
    validate: {
      contact_id: (value, values) => (values.source === 'existing' && !value ? t('stakeholders.errors.pick') : null),
      name: (value, values) => (values.source === 'new' && !value.trim() ? t('errors.required') : null),
      decision_role: (value) => (value ? null : t('stakeholders.errors.pick')),
    },
  })
  const submit = form.onSubmit((values) =>
    create.mutate(toNewStakeholder(values), { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) }),
  )
  const existing = form.values.source === 'existing'

  return (
    <Modal opened onClose={onClose} title={t('stakeholders.actions.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl aria-label={t('stakeholders.add.source')} {...form.getInputProps('source')}
            data={[{ value: 'existing', label: t('stakeholders.add.existing') }, { value: 'new', label: t('stakeholders.add.new') }]} />
          {existing && free.length === 0 && <Text size="sm" c="dimmed">{t('stakeholders.add.nobodyLeft')}</Text>}
          {existing ? (
            <Select label={t('stakeholders.add.contact')} placeholder={t('stakeholders.add.contactPlaceholder')} required searchable
              nothingFoundMessage={t('stakeholders.add.nobodyFound')} data-autofocus
              data={free.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))} {...form.getInputProps('contact_id')} />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput label={t('stakeholders.fields.name')} required data-autofocus maxLength={LIMITS.name} {...form.getInputProps('name')} />
              <TextInput label={t('stakeholders.fields.title')} maxLength={LIMITS.name} {...form.getInputProps('title')} />
              <ReportsToSelect contacts={contacts} contactId={null} value={form.values.reports_to_id}
                onChange={(value) => form.setFieldValue('reports_to_id', value)} error={form.errors.reports_to_id} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={2}>
            <Select label={t('stakeholders.fields.decisionRole')} required data={choices.roles} {...form.getInputProps('decision_role')} />
            <Select label={t('stakeholders.fields.influence')} data={choices.levels} allowDeselect={false} {...form.getInputProps('influence')} />
            <Select label={t('stakeholders.fields.stance')} data={choices.stances} allowDeselect={false} {...form.getInputProps('stance')} />
            <Select label={t('stakeholders.fields.owner')} searchable clearable
              data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} {...form.getInputProps('owner_id')} />
          </SimpleGrid>
          <MultiSelect label={t('stakeholders.fields.milestones')} searchable clearable
            data={milestones.map((m) => ({ value: m.id, label: milestoneLabel(m.id) }))} {...form.getInputProps('milestone_ids')} />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('stakeholders.add.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
