import { Button, Divider, Drawer, Fieldset, Group, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useUnsavedChangesGuard } from '../../../components/unsaved-changes-guard'
import { showFieldErrors } from '../../../lib/form-errors'
import { useSetReportsTo, useUpdateStakeholder } from '../api/stakeholder-mutations'
import type { Contact, Stakeholder } from '../api/types'
import type { PersonFacts } from '../person-facts'
import { changesFrom, mergeTyped, needsNote, toValues, type PersonValues } from '../stakeholder-form'
import { HistoryTimeline } from './history-timeline'
import { PersonFields } from './person-fields'
import { ReportsToSelect } from './reports-to-select'
import { StanceBadge } from './stance-menu'

/** Props of the person drawer. */
export interface PersonDrawerProps {
  dealId: string
  customerId: string
  /** The customer's people: whom the person may report to, and their contact's version. */
  contacts: Contact[]
  person: Stakeholder
  canEdit: boolean
  facts: PersonFacts
  /** Fetches the deal's stakeholders again (after a 412) and returns them. */
  onReload: () => Promise<Stakeholder[] | undefined>
  onClose: () => void
}

/**
 * One person: edits their part in the deal (PATCH with only what changed, based on the version
 * it opened with; a stance change needs a note) and shows their history. On a 412, "Reload"
 * takes their version and keeps what was typed on top of it.
 */
export function PersonDrawer({ dealId, customerId, contacts, person, canEdit, facts, onReload, onClose }: PersonDrawerProps) {
  const { t } = useTranslation()
  const update = useUpdateStakeholder(dealId)
  const setReportsTo = useSetReportsTo(dealId, customerId)
  const [base, setBase] = useState(person)
  const [reportsTo, setReportsToValue] = useState(person.reports_to_id)
  const form = useForm<PersonValues>({ initialValues: toValues(person) })
  const contact = contacts.find((c) => c.id === base.contact_id)
  const guard = useUnsavedChangesGuard(() => canEdit && (form.isDirty() || reportsTo !== base.reports_to_id), onClose)

  // The manager is the contact's (PATCH /contacts/{id}); the rest is the stakeholder's.
  const submit = form.onSubmit(async (values) => {
    const saved = toValues(base)
    if (needsNote(saved, values)) return form.setFieldError('note', t('stakeholders.errors.noteRequired'))
    const changes = changesFrom(saved, values)
    const managerChanged = reportsTo !== base.reports_to_id && contact !== undefined
    try {
      if (managerChanged) await setReportsTo.mutateAsync({ id: contact.id, version: contact.version, reportsTo })
      if (Object.keys(changes).length > 0) await update.mutateAsync({ id: base.id, version: base.version, changes })
      onClose()
    } catch (error) {
      showFieldErrors(form, error)
    }
  })

  const reload = async () => {
    const theirs = (await onReload())?.find((p) => p.id === base.id)
    if (!theirs) return
    form.setValues(mergeTyped(toValues(base), toValues(theirs), form.getValues()))
    setBase(theirs)
    update.reset()
  }

  const subtitle = [base.title, base.department].filter(Boolean).join(' · ')
  return (
    <>
      <Drawer opened onClose={guard.requestClose} position="right" size="lg" title={base.name}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
        <Stack>
          <Group gap="xs">
            {subtitle && <Text size="sm" c="dimmed">{subtitle}</Text>}
            <StanceBadge stance={base.stance} />
          </Group>
          {!canEdit && <Text size="sm" c="dimmed">{t('stakeholders.readOnly')}</Text>}
          <form onSubmit={submit} noValidate>
            <Stack>
              <Fieldset variant="unstyled" disabled={!canEdit}>
                <Stack>
                  <ReportsToSelect contacts={contacts} contactId={base.contact_id} value={reportsTo} onChange={setReportsToValue}
                    error={form.errors.reports_to_id} />
                  <PersonFields form={form} canEdit={canEdit} savedStance={base.stance} milestones={facts.milestones} milestoneLabel={facts.milestoneLabel} />
                </Stack>
              </Fieldset>
              <ErrorAlert error={setReportsTo.error} />
              <ErrorAlert error={update.error} onReload={() => void reload()} />
              <Group justify="flex-end">
                <Button variant="default" onClick={guard.requestClose}>{canEdit ? t('common.cancel') : t('common.close')}</Button>
                {canEdit && <Button type="submit" loading={update.isPending || setReportsTo.isPending}>{t('common.save')}</Button>}
              </Group>
            </Stack>
          </form>
          <Divider />
          <Title order={5}>{t('stakeholders.drawer.history')}</Title>
          <HistoryTimeline dealId={dealId} stakeholderId={base.id} userName={facts.userName} />
        </Stack>
      </Drawer>
      {guard.dialog}
    </>
  )
}
