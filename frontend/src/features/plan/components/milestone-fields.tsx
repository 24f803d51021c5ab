import { Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { OWNER_ROLES, type Milestone } from '../api/types'
import type { MilestoneValues } from '../milestone-form'
import { useMilestoneName } from '../milestone-name'
import type { DealMember } from '../../../lib/deals'
import { LIMITS } from '../../../lib/limits'
import { AssigneeSelect } from './assignee-select'

/**
 * The fields a milestone is planned with: names, owner role, assignee, weight, gate, dates, exit
 * criteria and dependencies (any other milestone of the plan). Shared by add and edit.
 * `shapeLocked` (the solution role on its own milestone) disables what only the PMO
 * changes: owner role, weight, gate and dependencies (the server refuses them with 403).
 */
export function MilestoneFields({ form, others, team = [], shapeLocked = false }: {
  form: UseFormReturnType<MilestoneValues>
  others: Milestone[]
  /** The deal team, offered first as assignees. */
  team?: readonly DealMember[]
  shapeLocked?: boolean
}) {
  const { t, i18n } = useTranslation()
  const nameOf = useMilestoneName()
  // Both languages' exit criteria, the reader's first.
  const criteria = [
    <Textarea key="en" label={t('plan.fields.exitCriteria')} rows={3} maxLength={LIMITS.text} {...form.getInputProps('exit_criteria')} />,
    <Textarea key="zh" label={t('plan.fields.exitCriteriaZh')} lang="zh-CN" rows={3} maxLength={LIMITS.text} {...form.getInputProps('exit_criteria_zh')} />,
  ]
  if (i18n.language.startsWith('zh')) criteria.reverse()
  return (
    <>
      {shapeLocked && <Text size="xs" c="dimmed">{t('plan.fields.shapeLocked')}</Text>}
      <TextInput label={t('plan.fields.name')} required data-autofocus maxLength={LIMITS.title} {...form.getInputProps('name')} />
      <TextInput label={t('plan.fields.nameZh')} lang="zh-CN" maxLength={LIMITS.title} {...form.getInputProps('name_zh')} />
      <Group grow align="flex-start">
        <Select
          label={t('plan.fields.ownerRole')}
          data={OWNER_ROLES.map((role) => ({ value: role, label: t(`terms.dealRoles.${role}`) }))}
          allowDeselect={false}
          disabled={shapeLocked}
          {...form.getInputProps('owner_role')}
        />
        <NumberInput label={t('plan.fields.weight')} min={LIMITS.weightMin} max={LIMITS.weightMax} allowDecimal={false} disabled={shapeLocked} {...form.getInputProps('weight')} />
      </Group>
      <AssigneeSelect team={team} value={form.values.assignee_id} onChange={(id) => form.setFieldValue('assignee_id', id)} error={form.errors.assignee_id} />
      <Checkbox label={t('plan.fields.gate')} description={t('plan.fields.gateHint')} disabled={shapeLocked} {...form.getInputProps('gate', { type: 'checkbox' })} />
      <SimpleGrid cols={2}>
        <TextInput type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} label={t('plan.fields.plannedStart')} required {...form.getInputProps('planned_start')} />
        <TextInput type="date" max={LIMITS.dateMax} label={t('plan.fields.plannedDue')} required min={form.values.planned_start || LIMITS.dateMin} {...form.getInputProps('planned_due')} />
      </SimpleGrid>
      <MultiSelect
        label={t('plan.fields.dependsOn')}
        description={t('plan.fields.dependsOnHint')}
        data={others.map((m) => ({ value: m.id, label: `${m.sequence}. ${nameOf(m)}` }))}
        searchable
        clearable
        disabled={shapeLocked}
        {...form.getInputProps('depends_on')}
      />
      {criteria}
    </>
  )
}
