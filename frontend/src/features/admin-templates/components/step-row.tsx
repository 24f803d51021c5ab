import { ActionIcon, Badge, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DEAL_ROLES, type DealRole } from '../../../lib/deals'
import { CONTRACT_SIGNED_KEY, localName, type DraftStep } from '../template-draft'
import type { TemplateDraftState } from '../use-template-draft'
import { LIMITS } from '../../../lib/limits'

/** A number input's value as the draft keeps it: a whole number, or `''` while empty. */
function wholeNumber(value: number | string): number | '' {
  return typeof value === 'number' ? Math.trunc(value) : value.trim() === '' ? '' : Math.trunc(Number(value))
}

/** One step of the template as a table row, every field edited in place. */
export function StepRow({ index, state }: { index: number; state: TemplateDraftState }) {
  const { t, i18n } = useTranslation()
  const steps = state.draft.steps
  const step = steps[index]!
  const errors = state.errors.steps[step.uid] ?? {}
  const number = index + 1
  const update = (patch: Partial<Omit<DraftStep, 'uid'>>) => state.updateStep(step.uid, patch)
  const earlier = steps.slice(0, index).map((other, i) => ({
    value: String(i),
    label: `${i + 1}. ${localName(other, i18n.language) || t('adminTemplates.steps.unnamed', { number: i + 1 })}`,
  }))
  // Messages for fields without an input of their own (e.g. the step key) show under the names.
  const known = ['name', 'name_zh', 'owner_role', 'weight', 'gate', 'duration_days', 'depends_on', 'exit_criteria', 'exit_criteria_zh']
  const other = Object.entries(errors).filter(([field]) => !known.includes(field))

  return (
    <Table.Tr aria-label={t('adminTemplates.steps.rowLabel', { number })} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Stack gap={4} align="center" pt={6}>
          <Text fw={600}>{number}</Text>
          {step.key === CONTRACT_SIGNED_KEY && <Badge size="xs" variant="light">{t('adminTemplates.steps.signing')}</Badge>}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          <TextInput miw={240} aria-label={t('adminTemplates.steps.name')} placeholder={t('adminTemplates.steps.name')} maxLength={LIMITS.title} value={step.name}
            error={errors.name} onChange={(event) => update({ name: event.currentTarget.value })} />
          <TextInput aria-label={t('adminTemplates.steps.nameZh')} placeholder={t('adminTemplates.steps.nameZh')} maxLength={LIMITS.title} value={step.name_zh}
            error={errors.name_zh} onChange={(event) => update({ name_zh: event.currentTarget.value })} />
          {other.map(([field, message]) => <Text key={field} size="xs" c="red">{message}</Text>)}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Select w={130} aria-label={t('adminTemplates.steps.ownerRole')} allowDeselect={false} value={step.owner_role} error={errors.owner_role}
          data={DEAL_ROLES.map((role) => ({ value: role, label: t(`terms.dealRoles.${role}`) }))}
          onChange={(value) => value && update({ owner_role: value as DealRole })} />
      </Table.Td>
      <Table.Td>
        <NumberInput w={80} aria-label={t('adminTemplates.steps.weight')} min={LIMITS.weightMin} max={LIMITS.weightMax} allowDecimal={false} allowNegative={false} value={step.weight}
          error={errors.weight} onChange={(value) => update({ weight: wholeNumber(value) })} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={t('adminTemplates.steps.gate')} title={t('adminTemplates.steps.gateHint')} mt={8} checked={step.gate}
          error={errors.gate} onChange={(event) => update({ gate: event.currentTarget.checked })} />
      </Table.Td>
      <Table.Td>
        <NumberInput w={80} aria-label={t('adminTemplates.steps.duration')} min={LIMITS.durationDaysMin} max={LIMITS.durationDaysMax} allowDecimal={false} allowNegative={false}
          value={step.duration_days} error={errors.duration_days} onChange={(value) => update({ duration_days: wholeNumber(value) })} />
      </Table.Td>
      <Table.Td>
        {/* The first step has nothing earlier to depend on. */}
        {index === 0 && !errors.depends_on ? (
          <Text c="dimmed" pt={6}>—</Text>
        ) : (
          <MultiSelect miw={220} aria-label={t('adminTemplates.steps.dependsOn')} data={earlier}
            placeholder={t('adminTemplates.steps.dependsOnHint')} value={step.depends_on.map(String)} error={errors.depends_on}
            onChange={(values) => update({ depends_on: values.map(Number).sort((a, b) => a - b) })} />
        )}
      </Table.Td>
      <Table.Td>
        <Textarea miw={220} aria-label={t('adminTemplates.steps.exitCriteria')} placeholder={t('adminTemplates.steps.exitCriteria')} rows={2} maxLength={LIMITS.text} value={step.exit_criteria}
          error={errors.exit_criteria} onChange={(event) => update({ exit_criteria: event.currentTarget.value })} />
        <Textarea miw={220} mt={4} lang="zh-CN" aria-label={t('adminTemplates.steps.exitCriteriaZh')} placeholder={t('adminTemplates.steps.exitCriteriaZh')}
          rows={2} maxLength={LIMITS.text} value={step.exit_criteria_zh} error={errors.exit_criteria_zh}
          onChange={(event) => update({ exit_criteria_zh: event.currentTarget.value })} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" pt={4}>
          <ActionIcon variant="subtle" color="gray" disabled={index === 0} aria-label={t('adminTemplates.steps.moveUp', { number })}
            onClick={() => state.moveStep(index, -1)}>↑</ActionIcon>
          <ActionIcon variant="subtle" color="gray" disabled={index === steps.length - 1}
            aria-label={t('adminTemplates.steps.moveDown', { number })} onClick={() => state.moveStep(index, 1)}>↓</ActionIcon>
          <ActionIcon variant="subtle" color="red" disabled={steps.length === 1} aria-label={t('adminTemplates.steps.remove', { number })}
            onClick={() => state.removeStep(index)}>✕</ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
