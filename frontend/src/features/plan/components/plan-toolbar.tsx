import { Button, Group, SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ZOOMS, type Zoom } from '../gantt/layout'
import type { PlanView } from '../use-plan-view'

/** The plan's view switch (Gantt | Table), zoom, and the plan-wide actions the user may take. */
export function PlanToolbar(props: {
  view: PlanView
  zoom: Zoom
  onView: (view: PlanView) => void
  onZoom: (zoom: Zoom) => void
  exportUrl: string
  canEditPlan: boolean
  onAdd: () => void
  onImport: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="sm">
        <SegmentedControl
          aria-label={t('plan.view.label')}
          value={props.view}
          onChange={(value) => props.onView(value as PlanView)}
          data={[{ value: 'gantt', label: t('plan.view.gantt') }, { value: 'table', label: t('plan.view.table') }]}
        />
        {props.view === 'gantt' && (
          <SegmentedControl
            aria-label={t('plan.zoom.label')}
            size="xs"
            value={props.zoom}
            onChange={(value) => props.onZoom(value as Zoom)}
            data={ZOOMS.map((zoom) => ({ value: zoom, label: t(`plan.zoom.${zoom}`) }))}
          />
        )}
      </Group>
      <Group gap="xs">
        {props.canEditPlan && <Button onClick={props.onAdd}>{t('plan.actions.add')}</Button>}
        <Button component="a" href={props.exportUrl} download variant="default">{t('plan.actions.export')}</Button>
        {props.canEditPlan && <Button variant="default" onClick={props.onImport}>{t('plan.actions.import')}</Button>}
      </Group>
    </Group>
  )
}
