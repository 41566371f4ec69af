import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { ShipmentQuery as ShipmentQueryResult } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import type { UserErrorLike } from '../../../lib/user-errors'
import { IssueLicensesMutation, ShipmentQuery } from '../api/orders'
import { CreateInvoiceDialog } from './create-invoice-dialog'
import { DeleteDocument } from './delete-document'
import { DocumentFlowPanel } from './document-flow-panel'
import '../orders.css'
import { UserName } from '../../../components/user-name'

type Shipment = NonNullable<ShipmentQueryResult['shipment']>

const REFRESH_ON_CHANGES = { additionalTypenames: ['Shipment', 'Invoice', 'License'] }

/** /shipments/:id: what was delivered, the invoice, the licenses; issue licenses, invoice, delete. */
export function ShipmentPage({ canEdit, canInvoice }: { canEdit: boolean; canInvoice: boolean }) {
  const { t } = useTranslation('orders')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: ShipmentQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const shipment = query.data?.shipment
  if (query.fetching && !shipment) return <Loading />
  if (query.error && !shipment) return <QueryError error={query.error} onRetry={reload} />
  if (!shipment) {
    return (
      <EmptyState title={t('shipment.notFound')}>
        <Link to="/orders">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return (
    <ShipmentView shipment={shipment} canEdit={canEdit} canInvoice={canInvoice} onReload={reload} />
  )
}

function ShipmentView({
  shipment,
  canEdit,
  canInvoice,
  onReload,
}: {
  shipment: Shipment
  canEdit: boolean
  canInvoice: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const navigate = useNavigate()
  const [invoicing, setInvoicing] = useState(false)
  const shipsPrograms = shipment.lines.some((line) => line.orderLine.product.kind === 'PROGRAM')

  return (
    <article className="page" aria-labelledby="shipment-title">
      <p className="breadcrumb">
        <Link to={`/orders/${encodeURIComponent(shipment.order.id)}`}>
          ← {t('detail.title', { number: shipment.order.number })}
        </Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="shipment-title">{t('shipment.title', { number: shipment.number })}</h1>
          <p className="page-subtitle">
            <span>{shipment.customer.name}</span>
            <span>·</span>
            <span>{formatDate(shipment.shippedOn, lang)}</span>
          </p>
        </div>
        <div className="page-actions">
          {canInvoice && !shipment.invoice && !invoicing ? (
            <button type="button" className="button" onClick={() => setInvoicing(true)}>
              {t('invoice.create')}
            </button>
          ) : null}
          {canEdit ? (
            <DeleteDocument
              id={shipment.id}
              number={shipment.number}
              onDeleted={() => navigate(`/orders/${encodeURIComponent(shipment.order.id)}`)}
            />
          ) : null}
        </div>
      </header>
      {invoicing ? (
        <CreateInvoiceDialog
          customerId={shipment.customer.id}
          shipmentId={shipment.id}
          currency={shipment.order.currency}
          onCancel={() => setInvoicing(false)}
          onCreated={(invoice) => navigate(`/invoices/${encodeURIComponent(invoice.id)}`)}
        />
      ) : null}
      <div className="document-layout">
        <div className="document-main">
          <section className="card" aria-labelledby="shipment-details">
            <h2 id="shipment-details">{t('detail.details')}</h2>
            <DetailList>
              <Detail label={t('field.order')}>
                <Link to={`/orders/${encodeURIComponent(shipment.order.id)}`}>
                  {shipment.order.number}
                </Link>
              </Detail>
              <Detail label={t('field.customer')}>
                <Link to={`/customers/${encodeURIComponent(shipment.customer.id)}`}>
                  {shipment.customer.name}
                </Link>
              </Detail>
              <Detail label={t('field.invoice')}>
                {shipment.invoice ? (
                  <Link to={`/invoices/${encodeURIComponent(shipment.invoice.id)}`}>
                    {shipment.invoice.number}
                  </Link>
                ) : (
                  <span className="muted">{t('shipment.notInvoiced')}</span>
                )}
              </Detail>
              <Detail label={t('field.createdAt')}>
                {formatDateTime(shipment.createdAt, lang)} · <UserName user={shipment.createdBy} />
              </Detail>
            </DetailList>
          </section>
          <section className="card" aria-labelledby="shipment-lines">
            <h2 id="shipment-lines">{t('detail.lines')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.position')}</th>
                  <th scope="col">{t('field.product')}</th>
                  <th scope="col">{t('field.description')}</th>
                  <th scope="col" className="number">
                    {t('field.quantity')}
                  </th>
                  <th scope="col" className="number">
                    {t('field.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shipment.lines.map((line) => (
                  <tr key={line.id}>
                    <td>{line.orderLine.position}</td>
                    <td>
                      {line.orderLine.product.code}
                      {line.orderLine.editionCode ? ` · ${line.orderLine.editionCode}` : ''}
                    </td>
                    <td>{line.orderLine.description}</td>
                    <td className="number">{line.quantity}</td>
                    <td className="number">{formatAmount(line.amount, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ShipmentLicenses
            shipment={shipment}
            canIssue={canEdit && shipsPrograms && !shipment.licensesIssued}
            onReload={onReload}
          />
        </div>
        <DocumentFlowPanel documentId={shipment.id} />
      </div>
    </article>
  )
}

function ShipmentLicenses({
  shipment,
  canIssue,
  onReload,
}: {
  shipment: Shipment
  canIssue: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const [result, issue] = useMutation(IssueLicensesMutation)
  const [keyId, setKeyId] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const keys = shipment.customer.protectionKeys.filter((key) => key.status === 'ACTIVE')

  const submit = async () => {
    setErrors([])
    const payload = (await issue({ input: { shipmentId: shipment.id, keyId: keyId || null } })).data
      ?.issueLicenses
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onReload()
  }

  return (
    <section className="card" aria-labelledby="shipment-licenses">
      <h2 id="shipment-licenses">{t('licenses.title')}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('licenses.problems')} />
      {canIssue ? (
        <form
          className="issue-licenses"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <SelectField
            label={t('licenses.key')}
            value={keyId}
            onChange={setKeyId}
            emptyLabel={t('licenses.noKey')}
            options={keys.map((key) => ({
              value: key.id,
              label: `${key.keyNumber} · ${key.name}`,
            }))}
          />
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('licenses.issue')}
          </button>
        </form>
      ) : null}
      {shipment.licenses.length === 0 ? (
        <p className="muted">
          {shipment.licensesIssued ? t('licenses.noneIssued') : t('licenses.notYet')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('licenses.serial')}</th>
              <th scope="col">{t('licenses.name')}</th>
              <th scope="col" className="number">
                {t('licenses.seats')}
              </th>
              <th scope="col">{t('licenses.endsOn')}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shipment.licenses.map((license) => (
              <tr key={license.id}>
                <th scope="row">
                  <Link to={`/licenses/${encodeURIComponent(license.id)}`}>
                    <code className="serial">{license.serial}</code>
                  </Link>
                </th>
                <td>{license.name}</td>
                <td className="number">{license.seats}</td>
                <td>
                  {license.endsOn ? formatDate(license.endsOn, lang) : t('licenses.perpetual')}
                </td>
                <td>
                  <span className="badge">{t(`licenseStatus.${license.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
