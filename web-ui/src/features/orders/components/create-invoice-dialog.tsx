import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { CheckboxGroup } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { formatDate } from '../../../lib/format'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreateInvoiceMutation, InvoiceableShipmentsQuery } from '../api/orders'

/**
 * "Create invoice": the customer's shipments in the same currency that are not invoiced yet,
 * this one checked; one invoice for all that are checked.
 */
export function CreateInvoiceDialog({
  customerId,
  shipmentId,
  currency,
  onCancel,
  onCreated,
}: {
  customerId: string
  shipmentId: string
  currency: string
  onCancel: () => void
  onCreated: (invoice: { id: string; number: string }) => void
}) {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const [query] = useQuery({
    query: InvoiceableShipmentsQuery,
    variables: { customerId },
    requestPolicy: 'network-only',
  })
  const [result, create] = useMutation(CreateInvoiceMutation)
  const [selected, setSelected] = useState<string[]>([shipmentId])
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, ['shipmentIds'])
  const candidates = (query.data?.orders.edges ?? [])
    .map((edge) => edge.node)
    .filter((order) => order.currency === currency)
    .flatMap((order) =>
      order.shipments
        .filter((shipment) => !shipment.invoice)
        .map((shipment) => ({ ...shipment, orderNumber: order.number })),
    )
  if (!candidates.some((c) => c.id === shipmentId) && query.data) {
    candidates.unshift({
      id: shipmentId,
      number: t('invoice.thisShipment'),
      shippedOn: '',
      invoice: null,
      orderNumber: '',
    })
  }

  const submit = async () => {
    if (selected.length === 0) {
      setErrors([{ field: ['input', 'shipmentIds'], code: 'REQUIRED', message: '' }])
      return
    }
    const payload = (await create({ input: { shipmentIds: selected } })).data?.createInvoice
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.invoice && payload.userErrors.length === 0) onCreated(payload.invoice)
  }

  return (
    <section className="card" role="dialog" aria-labelledby="invoice-create-title">
      <h2 id="invoice-create-title">{t('invoice.createTitle')}</h2>
      {query.error ? <QueryError error={query.error} /> : null}
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('invoice.problems')} />
      {query.fetching && !query.data ? (
        <Loading />
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <CheckboxGroup
            legend={t('invoice.shipments', { currency })}
            value={selected}
            onChange={setSelected}
            options={candidates.map((c) => ({
              value: c.id,
              label: c.orderNumber
                ? `${c.number} (${c.orderNumber}, ${formatDate(c.shippedOn, lang)})`
                : c.number,
            }))}
            errors={mapped.byField.shipmentIds}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={result.fetching}>
              {t('invoice.submit')}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('common.cancel', { ns: 'translation' })}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
