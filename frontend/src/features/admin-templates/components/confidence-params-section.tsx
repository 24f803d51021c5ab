import { Button, Center, Code, Loader, NumberInput, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useConfidenceParameters } from '../api/templates'
import type { TemplateDraftState } from '../use-template-draft'

/**
 * The confidence model's parameters for deals laid out from this template: each with its label,
 * default and allowed range, an override input (empty = the default) and a reset. Only overridden
 * ones are saved; the server's 422 on `confidence_params.<name>` shows on that row.
 */
export function ConfidenceParamsSection({ state }: { state: TemplateDraftState }) {
  const { t, i18n } = useTranslation()
  const parameters = useConfidenceParameters()
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 }).format(value)
  const { params } = state.draft
  const overridden = Object.keys(params).length

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('adminTemplates.params.title')}</Title>
      <Text size="sm" c="dimmed">{t('adminTemplates.params.description', { count: overridden })}</Text>
      <ErrorAlert error={parameters.error} />
      {parameters.isPending && <Center py="md"><Loader size="sm" aria-label={t('adminTemplates.params.loading')} /></Center>}
      {parameters.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('adminTemplates.params.title')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminTemplates.params.parameter')}</Table.Th>
                <Table.Th>{t('adminTemplates.params.default')}</Table.Th>
                <Table.Th>{t('adminTemplates.params.range')}</Table.Th>
                <Table.Th>{t('adminTemplates.params.override')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parameters.data.map((parameter) => {
                const value = params[parameter.name]
                const error = state.errors.fields[`confidence_params.${parameter.name}`]
                return (
                  <Table.Tr key={parameter.name} aria-label={parameter.label}>
                    <Table.Td>
                      <Text size="sm">{parameter.label}</Text>
                      <Code fz="xs">{parameter.name}</Code>
                    </Table.Td>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{number(parameter.default)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {number(parameter.min)} – {number(parameter.max)}
                    </Table.Td>
                    <Table.Td w={180}>
                      <NumberInput
                        aria-label={t('adminTemplates.params.overrideOf', { name: parameter.label })}
                        placeholder={number(parameter.default)}
                        size="xs"
                        value={value ?? ''}
                        error={error}
                        onChange={(next) => state.setParam(parameter.name, next === '' ? undefined : Number(next))}
                      />
                    </Table.Td>
                    <Table.Td>
                      {value !== undefined && (
                        <Button size="compact-xs" variant="subtle" aria-label={t('adminTemplates.params.resetOf', { name: parameter.label })}
                          onClick={() => state.setParam(parameter.name, undefined)}>
                          {t('adminTemplates.params.reset')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
