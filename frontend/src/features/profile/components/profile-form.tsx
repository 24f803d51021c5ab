import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useEffectEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { setLanguage } from '../../../i18n'
import { LANGUAGE_OPTIONS, type LanguageCode } from '../../../i18n/language'
import { showFieldErrors } from '../../../lib/form-errors'
import { useSignedIn } from '../../../lib/session'
import { useReloadMe, useUpdateMe, type ProfileChanges } from '../api/update-me'
import { LIMITS } from '../../../lib/limits'

interface Values {
  name: string
  locale: LanguageCode
}

/** The signed-in user's name and language; saves only the fields the user changed. */
export function ProfileForm() {
  const { t } = useTranslation()
  const { user } = useSignedIn()
  const update = useUpdateMe()
  const reload = useReloadMe()
  const [saved, setSaved] = useState(false)
  const form = useForm<Values>({
    initialValues: { name: user.name, locale: user.locale },
    validate: { name: (value) => (value.trim() ? null : t('errors.required')) },
    onValuesChange: () => setSaved(false),
  })

  // The header's language switch saves the locale too; follow it unless the user is editing it here.
  // Only a newly saved locale runs this; the form is read as it is then.
  const followSavedLocale = useEffectEvent((locale: LanguageCode) => {
    if (form.isDirty('locale')) return
    form.setInitialValues({ ...form.getInitialValues(), locale })
    form.setFieldValue('locale', locale)
  })
  useEffect(() => followSavedLocale(user.locale), [user.locale])

  const submit = form.onSubmit((values) => {
    const changes: ProfileChanges = {}
    if (form.isDirty('name')) changes.name = values.name.trim()
    if (form.isDirty('locale')) changes.locale = values.locale
    if (Object.keys(changes).length === 0) return setSaved(true)
    update.mutate(
      { changes, version: user.version },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ name: saved.name, locale: saved.locale })
          form.setValues({ name: saved.name, locale: saved.locale })
          if (changes.locale) void setLanguage(saved.locale)
          setSaved(true)
        },
        onError: (error) => showFieldErrors(form, error),
      },
    )
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('profile.email')} value={user.email} readOnly variant="filled" />
        <TextInput label={t('profile.role')} value={t(`roles.${user.role}`)} readOnly variant="filled" />
        <TextInput label={t('profile.name')} required autoComplete="name" maxLength={LIMITS.name} {...form.getInputProps('name')} />
        <Select label={t('profile.locale')} data={LANGUAGE_OPTIONS} allowDeselect={false} {...form.getInputProps('locale')} />
        <ErrorAlert error={update.error} onReload={reload} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          {saved && !update.isPending && (
            <Text size="sm" c="teal" role="status">
              {t('common.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}
