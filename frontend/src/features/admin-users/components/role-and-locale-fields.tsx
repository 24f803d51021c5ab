import { Select } from '@mantine/core'
import type { GetInputPropsReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_OPTIONS } from '../../../i18n/language'
import { ROLES } from '../../../lib/session'

/** The role and language selects shared by the create and edit forms. */
export function RoleAndLocaleFields({ role, locale }: { role: GetInputPropsReturnType; locale: GetInputPropsReturnType }) {
  const { t } = useTranslation()
  return (
    <>
      <Select
        label={t('users.role')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        required
        {...role}
      />
      <Select label={t('users.locale')} data={LANGUAGE_OPTIONS} allowDeselect={false} required {...locale} />
    </>
  )
}
