import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { LiveIndicator } from '../../../components/live-indicator'
import { Loading, QueryError } from '../../../components/status'
import { formatAmount } from '../../../lib/money'
import { useCan } from '../../../lib/permissions'
import { InvoicePaymentsQuery } from '../api/billing'
import { AllocationList } from './allocation-list'
import { RecordPaymentDialog } from './record-payment-dialog'
import { InvoicePaymentBadge } from './status-badge'
import { useBillingLive } from './use-billing-live'
import '../billing.css'

const REFRESH = { additionalTypenames: ['Payment', 'Invoice'] }

/**
 * The invoice page's payments: status, paid and open, the planned payments it was issued for,
 * the allocations, and "Record payment" (allocated to this invoice). Follows the customer's
 * payments live.
 */
export function InvoicePayments({ invoiceId }: { invoiceId: string }) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const can = useCan()
  const [query, reexecute] = useQuery({
    query: InvoicePaymentsQuery,
    variables: { id: invoiceId },
    context: REFRESH,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const invoice = query.data?.invoice
  useBillingLive(invoice?.customer.id, reload)
  const [recording, setRecording] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  if (query.fetching && !invoice) return <Loading />
  if (query.error && !invoice) return <QueryError error={query.error} onRetry={reload} />
  if (!invoice) return null

  return (
    <section className="card" aria-labelledby="invoice-payments-title">
      <header className="card-header">
        <h2 id="invoice-payments-title">{t('invoicePayments.title')}</h2>
        <LiveIndicator />
        {can('CREATE', 'PAYMENT') && invoice.paymentStatus !== 'PAID' && !recording ? (
          <button type="button" className="button" onClick={() => setRecording(true)}>
            {t('payment.record')}
          </button>
        ) : null}
      </header>
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
      {recording ? (
        <RecordPaymentDialog
          customer={invoice.customer}
          currency={invoice.currency}
          focus={{ invoiceId: invoice.id }}
          onCancel={() => setRecording(false)}
          onRecorded={(payment, replayed) => {
            setRecording(false)
            setNotice(
              t(replayed ? 'payment.replayed' : 'payment.recorded', { number: payment.number }),
            )
            reload()
          }}
        />
      ) : null}
      <DetailList>
        <Detail label={t('invoicePayments.status')}>
          <InvoicePaymentBadge status={invoice.paymentStatus} />
        </Detail>
        <Detail label={t('invoicePayments.paid')}>{formatAmount(invoice.paid, lang)}</Detail>
        <Detail label={t('invoicePayments.open')}>{formatAmount(invoice.open, lang)}</Detail>
        {invoice.plannedPayments.length > 0 ? (
          <Detail label={t('invoicePayments.plannedPayments')}>
            {invoice.plannedPayments.map((planned, i) => {
              const document = planned.plan.order ?? planned.plan.contract
              return (
                <span key={planned.id}>
                  {i > 0 ? ', ' : null}
                  {planned.plan.order ? (
                    <Link to={`/orders/${encodeURIComponent(planned.plan.order.id)}`}>
                      {planned.label} ({planned.plan.order.number})
                    </Link>
                  ) : (
                    `${planned.label}${document ? ` (${document.number})` : ''}`
                  )}
                </span>
              )
            })}
          </Detail>
        ) : null}
      </DetailList>
      <h3>{t('invoicePayments.allocations')}</h3>
      {invoice.allocations.length === 0 ? (
        <p className="muted">{t('invoicePayments.noAllocations')}</p>
      ) : (
        <AllocationList
          allocations={invoice.allocations}
          show="payment"
          caption={t('invoicePayments.allocations')}
        />
      )}
    </section>
  )
}
