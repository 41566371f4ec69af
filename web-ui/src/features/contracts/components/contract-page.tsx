import { Suspense, lazy, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField, TextField } from '../../../components/form-field'
import { LiveIndicator } from '../../../components/live-indicator'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { ContractStatus } from '../../../gql/graphql'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { formatDate, formatDateTime } from '../../../lib/format'
import { FORM_CURRENCIES, formatAmount, todayIso } from '../../../lib/money'
import type { UserErrorLike } from '../../../lib/user-errors'
import {
  ChangeContractStatusMutation,
  ContractCustomerEventsSubscription,
  ContractQuery,
  UpdateContractMutation,
} from '../api/contracts'
import { isContractEvent } from '../utils/live'
import { ContractDocuments } from './contract-documents'
import { DeleteContract } from './delete-contract'
import { ContractStages } from './contract-stages'
import { ReloadWhenStale } from './reload-when-stale'
import '../contracts.css'

const ContractHeaderFields = graphql(`
  fragment ContractHeaderFields on Contract {
    id
    number
    title
    status
    signedOn
    currency
    terminationReason
    startsOn
    endsOn
    plannedHours
    spentHours
    progress
    version
    createdAt
    createdBy {
      id
      name
    }
    total {
      amount
      currency
    }
    customer {
      id
      name
    }
    opportunity {
      id
      name
    }
    quote {
      id
      number
      opportunity {
        id
      }
    }
    order {
      id
      number
    }
    stages {
      id
      acceptance {
        acceptedAt
      }
    }
  }
`)

// the chart library is large: it loads with the plan, not with the contracts list
const ContractGantt = lazy(async () => ({
  default: (await import('./contract-gantt')).ContractGantt,
}))

const REFRESH_ON_CHANGES = {
  additionalTypenames: ['Contract', 'ContractStage', 'ContractWork', 'Task', 'ContractDocument'],
}

/** What the app may put into the page: the payment schedule (billing) below the plan. */
export type ContractSlots = {
  /** The contract's payment schedule, composed by the app from the billing feature. */
  renderPaymentSchedule?: (contract: { id: string; version: number }) => ReactNode
}

/**
 * /contracts/:id: the contract's facts and status actions, its documents, stages and works, and
 * the plan as a Gantt chart. Reloads when the customer's live feed reports a change to a contract
 * newer than the one shown, so two people planning see each other's changes.
 */
export function ContractPage({
  canEdit,
  canPlan,
  canDelete,
  accessToken,
  renderPaymentSchedule,
}: {
  /** May change the contract itself (fields, status, documents). */
  canEdit: boolean
  /** May change the project plan: stages, works, tasks, dependencies, acceptance. */
  canPlan: boolean
  /** May delete contracts (only drafts can be). */
  canDelete: boolean
  accessToken: string | undefined
} & ContractSlots) {
  const { t } = useTranslation('contracts')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: ContractQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const contract = query.data?.contract
  useLiveSubscription(
    ContractCustomerEventsSubscription,
    { customerId: contract?.customer.id ?? '' },
    (data) => {
      if (contract && isContractEvent(data.customerEvents, contract)) reload()
    },
    { pause: !contract, onResync: reload },
  )
  if (query.fetching && !contract) return <Loading />
  if (query.error && !contract) return <QueryError error={query.error} onRetry={reload} />
  if (!contract) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/contracts">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return (
    <article className="page contract-page" aria-labelledby="contract-title">
      <p className="breadcrumb">
        <Link to="/contracts">← {t('detail.back')}</Link>
      </p>
      <ContractHeader
        key={contract.version}
        contract={contract}
        canEdit={canEdit}
        canDelete={canDelete}
        onReload={reload}
      />
      <div className="contract-sections">
        <ContractDocuments
          contract={contract}
          canEdit={canEdit}
          accessToken={accessToken}
          onUploaded={reload}
        />
        <ContractStages contract={contract} canPlan={canPlan} onReload={reload} />
        <Suspense fallback={<Loading />}>
          <ContractGantt plan={contract} canPlan={canPlan} />
        </Suspense>
        {renderPaymentSchedule?.({ id: contract.id, version: contract.version })}
      </div>
    </article>
  )
}

type Dialog = 'edit' | 'sign' | 'terminate' | null

function ContractHeader({
  contract: ref,
  canEdit,
  canDelete,
  onReload,
}: {
  contract: FragmentType<typeof ContractHeaderFields>
  canEdit: boolean
  canDelete: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const contract = useFragment(ContractHeaderFields, ref)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [changed, changeStatus] = useMutation(ChangeContractStatusMutation)
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const openStages = contract.stages.filter((stage) => !stage.acceptance).length
  const status = contract.status

  const move = async (next: ContractStatus, extra: { signedOn?: string; reason?: string } = {}) => {
    setErrors([])
    const payload = (
      await changeStatus({
        input: { id: contract.id, expectedVersion: contract.version, status: next, ...extra },
      })
    ).data?.changeContractStatus
    if (payload) setErrors(payload.userErrors)
    if (payload && payload.userErrors.length === 0) setDialog(null)
  }

  return (
    <>
      <header className="page-header">
        <div>
          <h1 id="contract-title">
            {t('detail.title', { number: contract.number })} · {contract.title}
          </h1>
          <p className="page-subtitle">
            <span className={`badge contract-status-${status}`}>{t(`status.${status}`)}</span>
            <span>{contract.customer.name}</span>
            <span>·</span>
            <span>{formatAmount(contract.total, lang)}</span>
            <span>·</span>
            <span>{t('list.progress', { percent: contract.progress })}</span>
          </p>
          <LiveIndicator />
        </div>
        {canEdit ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setDialog('edit')}>
              {t('detail.editContract')}
            </button>
            {status === 'DRAFT' ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setDialog('sign')}
              >
                {t('actions.sign')}
              </button>
            ) : null}
            {status === 'SIGNED' ? (
              <button
                type="button"
                className="button button-primary"
                disabled={changed.fetching}
                onClick={() => void move('IN_PROGRESS')}
              >
                {t('actions.start')}
              </button>
            ) : null}
            {status === 'IN_PROGRESS' ? (
              <button
                type="button"
                className="button button-primary"
                disabled={changed.fetching || openStages > 0}
                title={openStages > 0 ? t('actions.completeNeedsStages') : undefined}
                onClick={() => void move('COMPLETED')}
              >
                {t('actions.complete')}
              </button>
            ) : null}
            {status !== 'COMPLETED' && status !== 'TERMINATED' ? (
              <button type="button" className="button" onClick={() => setDialog('terminate')}>
                {t('actions.terminate')}
              </button>
            ) : null}
          </div>
        ) : null}
        {canDelete && status === 'DRAFT' ? (
          <div className="page-actions">
            <DeleteContract contract={contract} onReload={onReload} />
          </div>
        ) : null}
      </header>
      {status === 'IN_PROGRESS' && openStages > 0 && canEdit ? (
        <p className="muted">{t('actions.completeNeedsStages')}</p>
      ) : null}
      {changed.error ? <QueryError error={changed.error} /> : null}
      <FormErrors errors={errors} title={t('detail.problems')}>
        <ReloadWhenStale errors={errors} onReload={onReload} />
      </FormErrors>
      {dialog === 'sign' || dialog === 'terminate' ? (
        <StatusDialog
          kind={dialog}
          busy={changed.fetching}
          onCancel={() => setDialog(null)}
          onConfirm={(value) =>
            void (dialog === 'sign'
              ? move('SIGNED', { signedOn: value })
              : move('TERMINATED', { reason: value }))
          }
        />
      ) : null}
      {dialog === 'edit' ? (
        <ContractEditForm contract={contract} onDone={() => setDialog(null)} onReload={onReload} />
      ) : null}
      <section className="card" aria-labelledby="contract-details">
        <h2 id="contract-details">{t('detail.details')}</h2>
        <DetailList>
          <Detail label={t('field.customer')}>
            <Link to={`/customers/${encodeURIComponent(contract.customer.id)}`}>
              {contract.customer.name}
            </Link>
          </Detail>
          <Detail label={t('field.deal')}>
            {contract.opportunity ? (
              <Link to={`/opportunities/${encodeURIComponent(contract.opportunity.id)}`}>
                {contract.opportunity.name}
              </Link>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('field.quote')}>
            {contract.quote ? (
              <Link to={`/opportunities/${encodeURIComponent(contract.quote.opportunity.id)}`}>
                #{contract.quote.number}
              </Link>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('field.order')}>
            {contract.order ? (
              <Link to={`/orders/${encodeURIComponent(contract.order.id)}`}>
                {contract.order.number}
              </Link>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('field.signedOn')}>
            {contract.signedOn ? formatDate(contract.signedOn, lang) : t('detail.notSigned')}
          </Detail>
          <Detail label={t('field.total')}>{formatAmount(contract.total, lang)}</Detail>
          <Detail label={t('field.progress')}>
            <progress max={100} value={contract.progress} aria-label={t('field.progress')} />{' '}
            {t('list.progress', { percent: contract.progress })}
          </Detail>
          <Detail label={t('field.period')}>
            {contract.startsOn && contract.endsOn
              ? `${formatDate(contract.startsOn, lang)} – ${formatDate(contract.endsOn, lang)}`
              : t('detail.noTasks')}
          </Detail>
          <Detail label={t('field.effort')}>
            {t('detail.hours', { planned: contract.plannedHours, spent: contract.spentHours })}
          </Detail>
          {contract.terminationReason ? (
            <Detail label={t('field.terminationReason')}>{contract.terminationReason}</Detail>
          ) : null}
          <Detail label={t('field.created')}>
            {t('detail.createdBy', {
              when: formatDateTime(contract.createdAt, lang),
              name: contract.createdBy.name,
            })}
          </Detail>
        </DetailList>
      </section>
    </>
  )
}

/** Signing asks for the date (today by default), terminating for the reason. */
function StatusDialog({
  kind,
  busy,
  onCancel,
  onConfirm,
}: {
  kind: 'sign' | 'terminate'
  busy: boolean
  onCancel: () => void
  onConfirm: (value: string) => void
}) {
  const { t } = useTranslation('contracts')
  const [value, setValue] = useState(kind === 'sign' ? todayIso() : '')
  return (
    <form
      className="card form"
      aria-label={t(kind === 'sign' ? 'actions.signTitle' : 'actions.terminateTitle')}
      onSubmit={(event) => {
        event.preventDefault()
        if (value.trim()) onConfirm(value.trim())
      }}
    >
      <h2>{t(kind === 'sign' ? 'actions.signTitle' : 'actions.terminateTitle')}</h2>
      {kind === 'sign' ? (
        <DateField
          label={t('field.signedOn')}
          required
          value={value}
          onChange={setValue}
          max={todayIso()}
        />
      ) : (
        <TextField
          label={t('actions.reason')}
          required
          multiline
          value={value}
          onChange={setValue}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !value.trim()}>
          {t('actions.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Title and signed date; currency and total only while the contract is a draft. */
function ContractEditForm({
  contract,
  onDone,
  onReload,
}: {
  contract: {
    id: string
    version: number
    title: string
    status: ContractStatus
    signedOn?: string | null
    total: { amount: string; currency: string }
  }
  onDone: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('contracts')
  const [title, setTitle] = useState(contract.title)
  const [signedOn, setSignedOn] = useState(contract.signedOn ?? '')
  const [currency, setCurrency] = useState(contract.total.currency)
  const [total, setTotal] = useState(contract.total.amount)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [updated, update] = useMutation(UpdateContractMutation)
  const draft = contract.status === 'DRAFT'

  const submit = async () => {
    // only what changed: an explicit null would clear a field
    const input = {
      id: contract.id,
      expectedVersion: contract.version,
      ...(title.trim() !== contract.title ? { title: title.trim() } : {}),
      ...(signedOn !== (contract.signedOn ?? '') ? { signedOn: signedOn || null } : {}),
      ...(draft && currency !== contract.total.currency ? { currency } : {}),
      ...(draft && total.trim() !== contract.total.amount ? { total: total.trim() } : {}),
    }
    const payload = (await update({ input })).data?.updateContract
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onDone()
  }

  return (
    <form
      className="card form"
      aria-label={t('detail.editContract')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <FormErrors errors={errors} title={t('detail.problems')}>
        <ReloadWhenStale errors={errors} onReload={onReload} />
      </FormErrors>
      {updated.error ? <QueryError error={updated.error} /> : null}
      <TextField
        label={t('field.title')}
        required
        maxLength={200}
        value={title}
        onChange={setTitle}
      />
      <DateField label={t('field.signedOn')} value={signedOn} onChange={setSignedOn} />
      {draft ? (
        <>
          <SelectField
            label={t('field.currency')}
            value={currency}
            onChange={(value) => setCurrency(value || contract.total.currency)}
            options={[...new Set([contract.total.currency, ...FORM_CURRENCIES])].map((code) => ({
              value: code,
              label: code,
            }))}
          />
          <TextField label={t('field.total')} value={total} onChange={setTotal} />
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={updated.fetching}>
          {t('detail.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  )
}
