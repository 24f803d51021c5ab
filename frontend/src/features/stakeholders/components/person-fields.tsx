import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useUserDirectory } from '../../../lib/directory'
import { DECISION_ROLES, LEVELS, STANCES, type MilestoneRef } from '../api/types'
import type { PersonValues } from '../stakeholder-form'
import { LIMITS } from '../../../lib/limits'

/** The options of the decision role, influence and stance selects, translated. */
export function useChoices() {
  const { t } = useTranslation()
  return {
    roles: DECISION_ROLES.map((value) => ({ value, label: t(`terms.decisionRoles.${value}`) })),
    levels: LEVELS.map((level) => ({ value: String(level), label: t(`stakeholders.levels.${level}`) })),
    stances: STANCES.map((value) => ({ value, label: t(`terms.stances.${value}`) })),
  }
}

/** Everything the person drawer edits; the history note is required once the stance differs from `savedStance`. */
export function PersonFields({ form, canEdit, savedStance, milestones, milestoneLabel }: {
  form: UseFormReturnType<PersonValues>
  canEdit: boolean
  savedStance: string
  milestones: MilestoneRef[]
  milestoneLabel: (id: string) => string
}) {
  const { t } = useTranslation()
  const users = useUserDirectory()
  const choices = useChoices()
  const stanceChanged = form.values.stance !== savedStance
  const owners = (users.data ?? []).filter((user) => user.active || user.id === form.values.owner_id).map((user) => ({ value: user.id, label: user.name }))
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('stakeholders.fields.decisionRole')} data={choices.roles} allowDeselect={false} {...form.getInputProps('decision_role')} />
        <Select label={t('stakeholders.fields.influence')} data={choices.levels} allowDeselect={false} {...form.getInputProps('influence')} />
        <Select label={t('stakeholders.fields.stance')} data={choices.stances} allowDeselect={false} {...form.getInputProps('stance')} />
        <Select label={t('stakeholders.fields.relationshipStrength')} data={choices.levels.map(({ value }) => ({ value, label: value }))}
          allowDeselect={false} {...form.getInputProps('relationship_strength')} />
        <Select label={t('stakeholders.fields.owner')} data={owners} searchable clearable {...form.getInputProps('owner_id')} />
        <TextInput type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} label={t('stakeholders.fields.lastContact')} {...form.getInputProps('last_contact_on')} />
      </SimpleGrid>
      {canEdit && <Textarea
        label={stanceChanged ? t('stakeholders.stanceChange.note') : t('stakeholders.drawer.note')}
        description={stanceChanged ? undefined : t('stakeholders.drawer.noteHint')}
        required={stanceChanged}
       
        rows={2}
        maxLength={LIMITS.reason}
        {...form.getInputProps('note')}
      />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('stakeholders.fields.nextStep')} maxLength={LIMITS.nextStep} {...form.getInputProps('next_step')} />
        <TextInput type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} label={t('stakeholders.fields.nextStepDue')} {...form.getInputProps('next_step_due')} />
      </SimpleGrid>
      <MultiSelect label={t('stakeholders.fields.milestones')} searchable clearable
        data={milestones.map((m) => ({ value: m.id, label: milestoneLabel(m.id) }))} {...form.getInputProps('milestone_ids')} />
      <Textarea label={t('stakeholders.fields.notes')} rows={3} maxLength={LIMITS.text} {...form.getInputProps('notes')} />
    </>
  )
}
