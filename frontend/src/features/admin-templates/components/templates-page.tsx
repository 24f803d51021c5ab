import { Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { useTemplates, type Template } from '../api/templates'
import { DeleteTemplateDialog } from './delete-template-dialog'

/** `/admin/templates`: every plan template, built-in first, with edit, duplicate and delete. */
export function TemplatesPage() {
  const { t } = useTranslation()
  const templates = useTemplates()
  const [deleting, setDeleting] = useState<Template | null>(null)
  // The dialog looks the template up by id, so after a reload it deletes the current version.
  const current = deleting && (templates.data?.find((item) => item.id === deleting.id) ?? deleting)

  return (
    <Stack>
      <Group justify="flex-end">
        <Button component={Link} to="/admin/templates/new">{t('adminTemplates.new')}</Button>
      </Group>
      <ErrorAlert error={templates.error} />
      {templates.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {templates.data?.length === 0 && <Text c="dimmed">{t('adminTemplates.empty')}</Text>}
      {templates.data && templates.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('adminTemplates.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminTemplates.columns.name')}</Table.Th>
                <Table.Th>{t('adminTemplates.columns.nameZh')}</Table.Th>
                <Table.Th>{t('adminTemplates.columns.segment')}</Table.Th>
                <Table.Th>{t('adminTemplates.columns.steps')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((template) => (
                <TemplateRow key={template.id} template={template} onDelete={setDeleting} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {current && <DeleteTemplateDialog template={current} onClose={() => setDeleting(null)} />}
    </Stack>
  )
}

function TemplateRow({ template, onDelete }: { template: Template; onDelete: (template: Template) => void }) {
  const { t } = useTranslation()
  const name = template.name
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs">
          <Anchor component={Link} to={`/admin/templates/${template.id}`}>{name}</Anchor>
          {template.builtin && <Badge size="sm" variant="light">{t('adminTemplates.builtin')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td lang="zh-CN">{template.name_zh}</Table.Td>
      <Table.Td>{t(`adminTemplates.segments.${template.segment}`)}</Table.Td>
      <Table.Td>{t('adminTemplates.stepCount', { count: template.milestones.length })}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="subtle" component={Link} to={`/admin/templates/${template.id}`}
            aria-label={t('adminTemplates.actions.edit', { name })}>{t('adminTemplates.actions.editShort')}</Button>
          <Button size="xs" variant="subtle" component={Link} to={`/admin/templates/new?from=${encodeURIComponent(template.id)}`}
            aria-label={t('adminTemplates.actions.duplicate', { name })}>{t('adminTemplates.actions.duplicateShort')}</Button>
          {template.builtin ? (
            // Shown in place of Delete so the missing button is explained, not just absent.
            <Tooltip label={t('adminTemplates.builtinNoDelete')} multiline w={240}>
              <Text size="xs" c="dimmed" px="xs" tabIndex={0}>{t('adminTemplates.actions.cannotDelete')}</Text>
            </Tooltip>
          ) : (
            <Button size="xs" variant="subtle" color="red" aria-label={t('adminTemplates.actions.delete', { name })}
              onClick={() => onDelete(template)}>{t('adminTemplates.actions.deleteShort')}</Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
