import { Anchor, Badge, Center, Group, Loader, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { useTemplate } from '../api/templates'
import { copyOf, localName } from '../template-draft'
import { TemplateEditor } from './template-editor'

/**
 * `/admin/templates/new` (blank, or `?from=<id>` to start from a copy of another template) and
 * `/admin/templates/:id` (edit). The editor is keyed by what it edits, so saving a new template
 * and landing on its own address starts a fresh draft from what was stored.
 */
export function TemplateEditorPage() {
  const { t, i18n } = useTranslation()
  const { id = null } = useParams()
  const [search] = useSearchParams()
  const from = id === null ? search.get('from') : null
  const loaded = useTemplate(id ?? from)
  const template = loaded.data

  const back = <Anchor component={Link} to="/admin/templates" size="sm">← {t('adminTemplates.editor.back')}</Anchor>
  if ((id ?? from) !== null && !template) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={loaded.error} />
        {loaded.isPending && <Center py="xl" aria-label={t('adminTemplates.editor.loading')}><Loader size="sm" /></Center>}
      </Stack>
    )
  }

  const name = template ? localName(template, i18n.language) : ''
  const title = id ? t('adminTemplates.editor.editTitle', { name }) : from ? t('adminTemplates.editor.copyTitle', { name }) : t('adminTemplates.editor.newTitle')
  return (
    <Stack>
      {back}
      <Group gap="sm">
        <Title order={2} size="h3">{title}</Title>
        {id && template?.builtin && <Badge variant="light">{t('adminTemplates.builtin')}</Badge>}
      </Group>
      <TemplateEditor
        key={id ?? `new:${from ?? ''}`}
        template={id ? (template ?? null) : null}
        source={template ? (id ? template : copyOf(template)) : null}
      />
    </Stack>
  )
}
