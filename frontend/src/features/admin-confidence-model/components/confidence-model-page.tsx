import { Badge, Button, Center, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import {
  LEAD_DAYS,
  useAdoptModel,
  useConfidenceModels,
  useFitModel,
  useRevertModel,
  type ConfidenceModel,
} from '../api/confidence-models'

/** Which change the confirmation dialog asks about. */
type Pending = { kind: 'adopt'; version: number } | { kind: 'revert'; to: 'defaults' | 'previous' } | null

const score = (v: number) => v.toFixed(3)

/** `/admin/confidence-model`: fit versions of the confidence model, compare them, adopt or revert (admins). */
export function ConfidenceModelPage() {
  const { t, i18n } = useTranslation()
  const models = useConfidenceModels()
  const fit = useFitModel()
  const adopt = useAdoptModel()
  const revert = useRevertModel()
  const [leadDays, setLeadDays] = useState('60')
  const [pending, setPending] = useState<Pending>(null)
  const [shown, setShown] = useState<number | null>(null)

  const pages = models.data?.pages ?? []
  const inForce = pages[0]?.in_force ?? 0
  const items = pages.flatMap((page) => page.items)
  const current = inForce === 0 ? t('confidenceModel.defaults') : t('confidenceModel.version', { version: inForce })
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const details = items.find((m) => m.version === shown)

  const confirm = () => {
    if (!pending) return
    const done = { onSettled: () => setPending(null) }
    if (pending.kind === 'adopt') adopt.mutate({ version: pending.version, inForce }, done)
    else revert.mutate({ to: pending.to, inForce }, done)
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('confidenceModel.description')}</Text>
      <Group justify="space-between" align="flex-end">
        <Text fw={500} role="status">{t('confidenceModel.inForce', { name: current })}</Text>
        <Group gap="xs">
          <Button variant="default" disabled={inForce === 0} onClick={() => setPending({ kind: 'revert', to: 'previous' })}>
            {t('confidenceModel.revertPrevious')}
          </Button>
          <Button variant="default" disabled={inForce === 0} onClick={() => setPending({ kind: 'revert', to: 'defaults' })}>
            {t('confidenceModel.revertDefaults')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('confidenceModel.leadDays')}
          data={LEAD_DAYS.map((d) => ({ value: String(d), label: t('confidenceModel.leadDaysOption', { days: d }) }))}
          value={leadDays}
          onChange={(v) => v && setLeadDays(v)}
          allowDeselect={false}
        />
        <Button loading={fit.isPending} onClick={() => fit.mutate(Number(leadDays))}>
          {t('confidenceModel.fit')}
        </Button>
      </Group>
      <FitError error={fit.error} />
      {fit.data && !fit.error && (
        <Text size="sm" c="teal" role="status">{t('confidenceModel.fitted', { version: fit.data.version })}</Text>
      )}
      <ErrorAlert error={adopt.error ?? revert.error ?? models.error} onReload={() => void models.refetch().then(() => (adopt.reset(), revert.reset()))} />
      {models.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {models.data && items.length === 0 && <Text c="dimmed">{t('confidenceModel.empty')}</Text>}
      {items.length > 0 && (
        <>
          <Text size="xs" c="dimmed">{t('confidenceModel.brierHelp')}</Text>
          <Table aria-label={t('confidenceModel.tableLabel')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('confidenceModel.colVersion')}</Table.Th>
                <Table.Th>{t('confidenceModel.colFittedAt')}</Table.Th>
                <Table.Th>{t('confidenceModel.colDeals')}</Table.Th>
                <Table.Th>{t('confidenceModel.colBrier')}</Table.Th>
                <Table.Th>{t('confidenceModel.colState')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <ModelRow
                  key={m.version}
                  model={m}
                  fittedAt={dateFormat.format(new Date(m.fitted_at))}
                  onShow={() => setShown(shown === m.version ? null : m.version)}
                  onAdopt={() => setPending({ kind: 'adopt', version: m.version })}
                />
              ))}
            </Table.Tbody>
          </Table>
          {models.hasNextPage && (
            <Group justify="center">
              <Button variant="subtle" loading={models.isFetchingNextPage} onClick={() => void models.fetchNextPage()}>
                {t('confidenceModel.more')}
              </Button>
            </Group>
          )}
        </>
      )}
      {details && <Weights model={details} />}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        centered
        title={pending?.kind === 'adopt' ? t('confidenceModel.adoptTitle', { version: pending.version }) : t('confidenceModel.revertTitle')}
      >
        <Stack>
          <Text size="sm">
            {pending?.kind === 'adopt'
              ? t('confidenceModel.adoptMessage', { current })
              : pending?.to === 'previous'
                ? t('confidenceModel.revertPreviousMessage')
                : t('confidenceModel.revertDefaultsMessage')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>{t('common.cancel')}</Button>
            <Button loading={adopt.isPending || revert.isPending} onClick={confirm}>
              {pending?.kind === 'adopt' ? t('confidenceModel.adoptConfirm', { version: pending.version }) : t('confidenceModel.revertConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

/** A refused fit: the server names the counts per outcome (won, lost), so show those fields. */
function FitError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const fields = error instanceof ApiError ? error.fields : {}
  const named = Object.entries(fields)
    .map(([field, message]) => `${t(`confidenceModel.outcome.${field}`, { defaultValue: field })}: ${message}`)
    .join(' · ')
  return <ErrorAlert error={error} message={named || undefined} />
}

function ModelRow(props: { model: ConfidenceModel; fittedAt: string; onShow: () => void; onAdopt: () => void }) {
  const { t } = useTranslation()
  const { model: m } = props
  const r = m.report
  const better = r.fitted.brier < r.current.brier
  return (
    <Table.Tr>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={props.onShow}>
          {t('confidenceModel.version', { version: m.version })}
        </Button>
      </Table.Td>
      <Table.Td>{props.fittedAt}</Table.Td>
      <Table.Td>
        {t('confidenceModel.deals', { won: r.won, lost: r.lost, test: r.test })}
        <Text size="xs" c="dimmed">{t('confidenceModel.leadDaysOption', { days: r.lead_days })}</Text>
      </Table.Td>
      <Table.Td>
        {t('confidenceModel.brier', { current: score(r.current.brier), fitted: score(r.fitted.brier) })}{' '}
        <Badge color={better ? 'teal' : 'orange'} variant="light">
          {better ? t('confidenceModel.better') : t('confidenceModel.worse')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {m.adopted ? (
          <Badge color="blue">{t('confidenceModel.adopted')}</Badge>
        ) : (
          <Button size="compact-sm" variant="light" onClick={props.onAdopt}>
            {t('confidenceModel.adopt')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

function Weights({ model }: { model: ConfidenceModel }) {
  const { t } = useTranslation()
  const r = model.report
  return (
    <Stack gap="xs">
      <Text fw={500}>{t('confidenceModel.weights', { version: model.version })}</Text>
      <Text size="xs" c="dimmed">{t('confidenceModel.weightsHelp', { lambda: r.lambda, folds: r.folds })}</Text>
      <Table aria-label={t('confidenceModel.weights', { version: model.version })}>
        <Table.Tbody>
          {Object.entries(r.weights).map(([factor, w]) => (
            <Table.Tr key={factor}>
              <Table.Td>{t(`confidenceModel.factors.${factor}`, { defaultValue: factor })}</Table.Td>
              <Table.Td>×{w.toFixed(2)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
