import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../lib/format'
import type { Confidence } from '../lib/confidence'
import { useExplanations } from '../lib/explanations'

/**
 * The waterfall's figures as a table: the base rate, each factor with its signed points and what
 * it stands for in words, and the chance of winning they add up to.
 */
export function FactorTable({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation()
  const format = useFormat()
  const explain = useExplanations()
  const points = (value: number) => t('confidence.pointsValue', { points: format.points(value) })
  const row = (key: string, label: string, value: string, detail: string, strong = false, color?: string) => (
    <Table.Tr key={key}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>{label}</Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" fw={strong ? 700 : 500} c={color}>{value}</Text>
      </Table.Td>
      <Table.Td><Text size="sm">{detail}</Text></Table.Td>
    </Table.Tr>
  )
  return (
    <Table aria-label={t('confidence.factorsTable')} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('confidence.columns.factor')}</Table.Th>
          <Table.Th>{t('confidence.columns.points')}</Table.Th>
          <Table.Th>{t('confidence.columns.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row('base', t('confidence.base'), format.percent(confidence.base), t('confidence.baseDetail'))}
        {confidence.factors.map((factor) =>
          row(factor.key, factor.label, points(factor.contribution), explain.factor(factor), false, factor.contribution >= 0 ? 'teal.8' : 'red.8'),
        )}
        {row('result', t('confidence.result'), format.percent(confidence.p_win), t('confidence.resultDetail'), true)}
      </Table.Tbody>
    </Table>
  )
}
