import { Select } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../api/types'
import { possibleManagers } from '../org-tree'

/**
 * "Reports to": a contact of the same customer, searchable, clearable (reports to no one). The
 * person themself and the people below them are not offered.
 */
export function ReportsToSelect({ contacts, contactId, value, onChange, error }: {
  contacts: Contact[]
  /** The person whose manager this is; null for a new contact. */
  contactId: string | null
  value: string | null
  onChange: (value: string | null) => void
  error?: ReactNode
}) {
  const { t } = useTranslation()
  const data = possibleManagers(contacts, contactId).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))
  return (
    <Select label={t('stakeholders.fields.reportsTo')} placeholder={t('stakeholders.fields.reportsToNobody')} searchable clearable
      nothingFoundMessage={t('stakeholders.add.nobodyFound')} data={data} value={value} onChange={onChange} error={error} />
  )
}
