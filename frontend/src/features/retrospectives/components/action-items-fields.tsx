import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../lib/session'
import { emptyAction, type RetrospectiveValues } from '../retrospective-form'
import { LIMITS } from '../../../lib/limits'

/** The retrospective form's action items, edited inline: title, owner and due date per row. */
export function ActionItemsFields({ form, users }: { form: UseFormReturnType<RetrospectiveValues>; users: User[] }) {
  const { t } = useTranslation()
  const people = users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>{t('retrospectives.actions.title')}</Text>
      {form.values.actions.map((action, i) => {
        const number = i + 1
        // A saved owner who is no longer active still shows by name.
        const owner = users.find((user) => user.id === action.owner_id)
        const data = owner && !owner.active ? [...people, { value: owner.id, label: owner.name }] : people
        return (
          <Fieldset key={action.key} legend={t('retrospectives.actions.row', { number })} p="xs" pt={4}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <TextInput label={t('retrospectives.actions.action')} required style={{ flex: 2 }} maxLength={LIMITS.actionTitle} {...form.getInputProps(`actions.${i}.title`)} />
              <Select
                label={t('retrospectives.actions.owner')}
               
                data={data}
                searchable
                clearable
                nothingFoundMessage={t('retrospectives.actions.nobodyFound')}
                style={{ flex: 1.4 }}
                {...form.getInputProps(`actions.${i}.owner_id`)}
              />
              <TextInput type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} label={t('retrospectives.actions.due')} required style={{ flex: 1 }} {...form.getInputProps(`actions.${i}.due_on`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('retrospectives.actions.remove', { number })}
                onClick={() => form.removeListItem('actions', i)}
              >
                ×
              </ActionIcon>
            </Group>
          </Fieldset>
        )
      })}
      <Group>
        <Button variant="light" size="xs" onClick={() => form.insertListItem('actions', emptyAction())}>
          + {t('retrospectives.actions.add')}
        </Button>
      </Group>
    </Stack>
  )
}
