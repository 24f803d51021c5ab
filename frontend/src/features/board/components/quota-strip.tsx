import { Card, Group, Progress, SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfidenceBoard } from '../api/board'
import { useWholeMoney } from './whole-money'

function Level({ label, ratio, children }: { label: string; ratio: number | null; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Group justify="space-between" gap={4}>
        <Text size="sm" fw={600}>{label}</Text>
        {ratio !== null && <Text size="xs" c="dimmed">{Math.round(ratio * 100)}%</Text>}
      </Group>
      <Progress value={ratio === null ? 0 : Math.min(100, ratio * 100)} size="sm" my={4} aria-hidden />
      {children}
    </div>
  )
}

const ratioOf = (done: number, of: number | null) => (of ? done / of : null)

/** The seed's three quota levels in one strip: input (stakeholder work), in-between (gates), output (revenue). */
export function QuotaStrip({ board }: { board: ConfidenceBoard }) {
  const { t } = useTranslation()
  const { input, in_between: between, output } = board.levels
  const money = useWholeMoney(board.currency)
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-label={t('board.levels.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Level label={t('board.levels.input')} ratio={ratioOf(input.done, input.due)}>
          <Text size="xs">{t('board.levels.inputValue', { done: input.done, due: input.due })}</Text>
          <Text size="xs" c="dimmed">{t('board.levels.contacts', { count: input.contacts })}</Text>
        </Level>
        <Level label={t('board.levels.inBetween')} ratio={ratioOf(between.done, between.planned)}>
          <Text size="xs">{t('board.levels.inBetweenValue', { done: between.done, planned: between.planned })}</Text>
        </Level>
        <Level label={t('board.levels.output')} ratio={ratioOf(output.won_minor, output.target_minor)}>
          <Text size="xs">
            {output.target_minor === null
              ? t('board.levels.outputNoTarget', { won: money(output.won_minor) })
              : t('board.levels.outputValue', { won: money(output.won_minor), target: money(output.target_minor) })}
          </Text>
        </Level>
      </SimpleGrid>
    </Card>
  )
}
