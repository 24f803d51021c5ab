import { Button, Center } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The "Load more" button under a list paged by `next_cursor`; absent on the last page. */
export function LoadMoreButton({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation()
  if (!query.hasNextPage) return null
  return (
    <Center mt="md">
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Center>
  )
}
