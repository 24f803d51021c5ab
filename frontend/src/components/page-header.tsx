import { Stack, Text, Title } from '@mantine/core'

/** A page's heading and the one sentence that says what the page is for. */
export function PageHeader({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{description}</Text>
    </Stack>
  )
}
