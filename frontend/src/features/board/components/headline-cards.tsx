import { Card, SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { ConfidenceBoard } from '../api/board'
import { useWholeMoney } from './whole-money'

function HeadlineCard({ label, children, figure, value }: { label: string; children: ReactNode; figure?: string; value?: number | null }) {
  // `data-figure` / `data-value` carry the unrounded figure, for end-to-end checks of small moves.
  return (
    <Card withBorder padding="md" role="group" aria-label={label} data-figure={figure} data-value={value ?? undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      {children}
    </Card>
  )
}

function Big({ children, size = 24 }: { children: ReactNode; size?: number }) {
  return <Text fw={700} fz={size} lh={1.15} style={{ fontVariantNumeric: 'tabular-nums' }}>{children}</Text>
}

/** Target, won, expected, the probability of target with P10 / P50 / P90, and top-down against bottom-up. */
export function HeadlineCards({ board }: { board: ConfidenceBoard }) {
  const { t } = useTranslation()
  const format = useFormat()
  const money = useWholeMoney(board.currency)
  const maybe = (minor: number | null) => (minor === null ? t('board.none') : money(minor))
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" mb="md" role="region" aria-label={t('board.headline')}>
      <HeadlineCard label={t('board.probability')} figure="probability_of_target" value={board.probability_of_target}>
        <Big size={44}>{board.probability_of_target === null ? t('board.none') : format.percent(board.probability_of_target)}</Big>
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('board.percentiles', { p10: money(board.p10_minor), p50: money(board.p50_minor), p90: money(board.p90_minor) })}
        </Text>
        <Text size="sm" mt={4} data-figure="compare_probability" data-value={board.compare.probability_of_target ?? undefined}>
          {t('board.compare', {
            basis: t(`board.bases.${board.compare.basis}`),
            probability: board.compare.probability_of_target === null ? t('board.none') : format.percent(board.compare.probability_of_target),
            expected: money(board.compare.expected_minor),
          })}
        </Text>
      </HeadlineCard>
      <HeadlineCard label={t('board.target')} figure="target" value={board.target_minor}>
        <Big>{board.target_minor === null ? t('board.noTargetValue') : money(board.target_minor)}</Big>
      </HeadlineCard>
      <HeadlineCard label={t('board.won')} figure="won" value={board.won_minor}>
        <Big>{money(board.won_minor)}</Big>
      </HeadlineCard>
      <HeadlineCard label={t('board.expected')} figure="expected" value={board.expected_minor}>
        <Big>{money(board.expected_minor)}</Big>
        <Text size="xs" c="dimmed">{t('board.openDeals', { count: board.open_deals })}</Text>
      </HeadlineCard>
      <HeadlineCard label={t('board.topDownBottomUp')}>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>{t('board.topDown')}: {maybe(board.top_down_minor)}</Text>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>{t('board.bottomUp')}: {maybe(board.bottom_up_minor)}</Text>
        <Text size="sm" fw={700} c={board.gap_minor !== null && board.gap_minor !== 0 ? 'orange.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('board.gap')}: {maybe(board.gap_minor)}
        </Text>
      </HeadlineCard>
    </SimpleGrid>
  )
}
