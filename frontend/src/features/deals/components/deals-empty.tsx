import { Button, EmptyState } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** What the list says when no deal matches: with filters it offers to clear them. */
export function DealsEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      title={filtered ? t('deals.emptyFiltered') : t('deals.empty')}
      description={filtered ? t('deals.emptyFilteredHint') : t('deals.emptyHint')}
    >
      {filtered && (
        <EmptyState.Actions>
          <Button variant="default" onClick={onClear}>
            {t('deals.filters.clear')}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  )
}
