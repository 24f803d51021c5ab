import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localName } from '../template-draft'
import type { TemplateDraftState } from '../use-template-draft'
import { StepRow } from './step-row'

/** The template's steps in order, with adding and the explanation of a refused move. */
export function StepsTable({ state }: { state: TemplateDraftState }) {
  const { t, i18n } = useTranslation()
  const steps = state.draft.steps
  const nameOf = (uid: string) => {
    const index = steps.findIndex((step) => step.uid === uid)
    return localName(steps[index]!, i18n.language) || t('adminTemplates.steps.unnamed', { number: index + 1 })
  }
  const tableError = state.errors.fields.milestones

  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="template-steps">{t('adminTemplates.steps.title')}</Title>
      <Table.ScrollContainer minWidth={1280}>
        <Table aria-labelledby="template-steps" verticalSpacing="xs" horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={72}>{t('adminTemplates.steps.number')}</Table.Th>
              <Table.Th miw={240}>{t('adminTemplates.steps.milestone')}</Table.Th>
              <Table.Th w={140}>{t('adminTemplates.steps.ownerRole')}</Table.Th>
              <Table.Th w={90}>{t('adminTemplates.steps.weight')}</Table.Th>
              <Table.Th w={60} title={t('adminTemplates.steps.gateHint')}>{t('adminTemplates.steps.gate')}</Table.Th>
              <Table.Th w={100} title={t('adminTemplates.steps.duration')}>{t('adminTemplates.steps.durationShort')}</Table.Th>
              <Table.Th miw={220}>{t('adminTemplates.steps.dependsOn')}</Table.Th>
              <Table.Th miw={240}>{t('adminTemplates.steps.exitCriteria')}</Table.Th>
              <Table.Th w={110}><VisuallyHidden>{t('adminTemplates.steps.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((step, index) => <StepRow key={step.uid} index={index} state={state} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {tableError && <Text size="sm" c="red">{tableError}</Text>}
      {state.blocked && (
        <Alert color="yellow" variant="light" withCloseButton onClose={state.dismissBlocked} role="status"
          closeButtonLabel={t('common.close')}>
          {t('adminTemplates.steps.blocked', { step: nameOf(state.blocked.step), blocker: nameOf(state.blocked.blocker) })}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={state.addStep}>{t('adminTemplates.steps.add')}</Button>
      </Group>
    </Stack>
  )
}
