import { Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PeriodSelect } from '../../../components/period-select'
import { TeamSelect } from '../../../components/team-select'
import { boardExportHref, type BoardBasis, type BoardQuery } from '../api/board'

/** The period and team pickers, the model / judgement switch and the downloads, all for the URL's query. */
export function BoardToolbar({ query, period, onChange }: { query: BoardQuery; period: string | undefined; onChange: (change: Partial<BoardQuery>) => void }) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="md" mb="md" role="group" aria-label={t('board.controls')} wrap="wrap">
      <PeriodSelect label={t('board.period')} value={query.period ?? period ?? null} allowDeselect={false} w={200}
        onChange={(value) => value && onChange({ period: value })} />
      <TeamSelect label={t('board.team')} mineFirst clearable placeholder={t('board.company')} value={query.teamId ?? null} w={280}
        onChange={(value) => onChange({ teamId: value ?? undefined })} />
      <Stack gap={2}>
        <Text size="sm" fw={500} id="board-basis-label">{t('board.basis')}</Text>
        <SegmentedControl aria-labelledby="board-basis-label" value={query.basis ?? 'model'}
          onChange={(value) => onChange({ basis: value as BoardBasis })}
          data={[
            { value: 'model', label: t('board.bases.model') },
            { value: 'judgement', label: t('board.bases.judgement') },
          ]} />
      </Stack>
      <Group gap="xs" ml="auto">
        <Text size="sm">{t('board.download')}:</Text>
        <Anchor href={boardExportHref('csv', query)} download size="sm">{t('board.csv')}</Anchor>
        <Anchor href={boardExportHref('xlsx', query)} download size="sm">{t('board.xlsx')}</Anchor>
      </Group>
    </Group>
  )
}
