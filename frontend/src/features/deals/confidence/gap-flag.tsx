import { Alert, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { Confidence } from '../api/confidence'

/**
 * The model's confidence and the PMO's judgement side by side, with a warning when they differ
 * by more than the server's threshold (`gap_flagged`, 20 points).
 */
export function GapFlag({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation()
  const format = useFormat()
  const manual = confidence.manual_probability
  return (
    <Stack gap="xs">
      <Group gap="xl" role="group" aria-label={`${t('confidence.gap.model')} / ${t('confidence.gap.judgement')}`}>
        <div>
          <Text size="xs" c="dimmed">{t('confidence.gap.model')}</Text>
          <Text fw={700}>{format.percent(confidence.confidence)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('confidence.gap.judgement')}</Text>
          <Text fw={700}>
            {manual === null ? t('confidence.gap.noManual') : format.percent(manual)} · {t(`confidence.categories.${confidence.forecast_category}`)}
          </Text>
        </div>
      </Group>
      {confidence.gap_flagged && confidence.gap_points !== null && (
        <Alert color="orange" variant="light" role="alert" title={t('confidence.gap.flagged', { points: Math.round(Math.abs(confidence.gap_points)) })}>
          {t('confidence.gap.flaggedHint')}
        </Alert>
      )}
    </Stack>
  )
}
