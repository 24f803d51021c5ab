import { Badge, Group, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LADDER_TOP, localName, weightSummary } from '../template-draft'
import type { TemplateDraftState } from '../use-template-draft'

/** Which step is contract signing, the weight up to it, and the rule that it reaches 100 there. */
export function WeightSummary({ state }: { state: TemplateDraftState }) {
  const { t, i18n } = useTranslation()
  const steps = state.draft.steps
  const { signingIndex, upToSigning, total } = weightSummary(steps)
  const onLadder = signingIndex >= 0 && upToSigning === LADDER_TOP
  const options = steps.map((step, i) => ({
    value: String(i),
    label: `${i + 1}. ${localName(step, i18n.language) || t('adminTemplates.steps.unnamed', { number: i + 1 })}`,
  }))

  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="md">
        <Select label={t('adminTemplates.weights.signingStep')} placeholder={t('adminTemplates.weights.signingPlaceholder')}
          data={options} value={signingIndex >= 0 ? String(signingIndex) : null} clearable w={320}
          onChange={(value) => state.markSigningStep(value === null ? null : Number(value))} />
        <Badge size="lg" variant="light" tt="none" color={onLadder ? 'teal' : 'orange'}>
          {signingIndex >= 0
            ? t('adminTemplates.weights.upToSigning', { sum: upToSigning, top: LADDER_TOP })
            : t('adminTemplates.weights.noSigning', { sum: total })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">{t('adminTemplates.weights.hint', { top: LADDER_TOP })}</Text>
    </Stack>
  )
}
