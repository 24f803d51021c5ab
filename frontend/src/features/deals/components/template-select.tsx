import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Segment } from '../../../lib/deals'
import { useTemplates, type Template } from '../api/templates'

/** A template's name in the UI language (its Chinese name when there is one). */
export function useTemplateName() {
  const { i18n } = useTranslation()
  return (template: Template) => (i18n.language.startsWith('zh') && template.name_zh ? template.name_zh : template.name)
}

/** Picks the plan template for a segment's deal; clearing it starts with an empty plan. */
export function TemplateSelect({ segment, ...props }: Omit<SelectProps, 'data'> & { segment: Segment }) {
  const { t } = useTranslation()
  const templates = useTemplates()
  const name = useTemplateName()
  const data = (templates.data ?? []).filter((template) => template.segment === segment).map((template) => ({ value: template.id, label: name(template) }))
  return (
    <Select
      label={t('deals.form.template')}
      placeholder={t('deals.form.noTemplate')}
      clearable
      data={data}
      disabled={templates.isPending}
      {...props}
    />
  )
}

/** The first template of a segment (built-in ones come first), the form's default. */
export function firstTemplateOf(templates: readonly Template[] | undefined, segment: Segment): string | null {
  return templates?.find((template) => template.segment === segment)?.id ?? null
}
