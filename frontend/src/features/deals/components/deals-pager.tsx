import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Previous / Next under the deals table; Next follows the page's `next_cursor`. */
export function DealsPager(props: {
  hasPrevious: boolean
  nextCursor: string | null | undefined
  loading: boolean
  onPrevious: () => void
  onNext: (cursor: string) => void
}) {
  const { t } = useTranslation()
  const { nextCursor } = props
  if (!props.hasPrevious && !nextCursor) return null
  return (
    <Group justify="center" mt="md">
      <Button variant="default" disabled={!props.hasPrevious || props.loading} onClick={props.onPrevious}>
        {t('deals.previousPage')}
      </Button>
      <Button variant="default" disabled={!nextCursor || props.loading} onClick={() => nextCursor && props.onNext(nextCursor)}>
        {t('deals.nextPage')}
      </Button>
    </Group>
  )
}
