import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { SEGMENTS, type Segment } from '../../../lib/deals'
import { useCreateTemplate, useReloadTemplates, useUpdateTemplate } from '../api/template-mutations'
import type { Template, TemplateContent } from '../api/templates'
import { checkDraft, copyOf, draftFromTemplate, emptyDraft, toTemplateInput } from '../template-draft'
import { useTemplateDraft } from '../use-template-draft'
import { ConfidenceParamsSection } from './confidence-params-section'
import { StepsTable } from './steps-table'
import { WeightSummary } from './weight-summary'
import { LIMITS } from '../../../lib/limits'

/**
 * Edits a whole template. `template` is the stored one being changed (null for a new one); its
 * version, kept current by Reload after a 412, is what the PUT is based on, while the draft keeps
 * whatever was typed. `source` is what the draft starts from.
 */
export function TemplateEditor({ template, source }: { template: Template | null; source: TemplateContent | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useTemplateDraft(() => (source ? draftFromTemplate(source) : emptyDraft()))
  const create = useCreateTemplate()
  const update = useUpdateTemplate()
  const reload = useReloadTemplates()
  const [lastUsed, setLastUsed] = useState<'create' | 'update'>('update')
  const [saved, setSaved] = useState(false)
  const [checkFailed, setCheckFailed] = useState(false)
  const mutation = lastUsed === 'create' ? create : update
  const { draft, errors } = state

  // Checks locally first, so what the server would refuse shows on the row without a round trip.
  const submit = (asNew: boolean) => {
    setSaved(false)
    const problems = checkDraft(draft)
    state.showErrors(Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, t(`adminTemplates.problems.${problem}`)])))
    setCheckFailed(Object.keys(problems).length > 0)
    if (Object.keys(problems).length > 0) return mutation.reset()
    const input = toTemplateInput(draft)
    // A copy saved under the very same names would be hard to tell apart in every template picker.
    const unrenamed = template && input.name === template.name && input.name_zh === template.name_zh
    const onError = (error: Error) => error instanceof ApiError && state.showErrors(error.fields)
    setLastUsed(asNew || !template ? 'create' : 'update')
    if (asNew || !template) {
      create.mutate(asNew && unrenamed ? copyOf(input) : input, { onError, onSuccess: (created) => void navigate(`/admin/templates/${created.id}`, { replace: !template }) })
    } else {
      update.mutate({ id: template.id, version: template.version, input }, { onError, onSuccess: () => setSaved(true) })
    }
  }

  return (
    <Stack>
      {template?.builtin && <Alert variant="light" color="blue" role="note">{t('adminTemplates.editor.builtinNote')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('adminTemplates.fields.name')} required maxLength={LIMITS.name} value={draft.name} error={errors.fields.name}
          onChange={(event) => state.setField('name', event.currentTarget.value)} />
        <TextInput label={t('adminTemplates.fields.nameZh')} required maxLength={LIMITS.name} value={draft.name_zh} error={errors.fields.name_zh}
          onChange={(event) => state.setField('name_zh', event.currentTarget.value)} />
        <Select label={t('adminTemplates.fields.segment')} required allowDeselect={false} value={draft.segment} error={errors.fields.segment}
          data={SEGMENTS.map((segment) => ({ value: segment, label: t(`adminTemplates.segments.${segment}`) }))}
          onChange={(value) => value && state.setField('segment', value as Segment)} />
      </SimpleGrid>
      <StepsTable state={state} />
      <WeightSummary state={state} />
      <ConfidenceParamsSection state={state} />
      <ErrorAlert error={mutation.error} onReload={reload} />
      {checkFailed && <Alert color="red" variant="light" role="alert">{t('adminTemplates.editor.checkFields')}</Alert>}
      <Group justify="flex-end">
        {saved && <Text size="sm" c="teal" role="status">{t('adminTemplates.editor.saved')}</Text>}
        <Button variant="default" onClick={() => void navigate('/admin/templates')}>{t('common.cancel')}</Button>
        {template && (
          <Button variant="light" loading={create.isPending} onClick={() => submit(true)}>{t('adminTemplates.editor.saveAsNew')}</Button>
        )}
        <Button loading={template ? update.isPending : create.isPending} onClick={() => submit(false)}>
          {template ? t('adminTemplates.editor.save') : t('adminTemplates.editor.create')}
        </Button>
      </Group>
    </Stack>
  )
}
