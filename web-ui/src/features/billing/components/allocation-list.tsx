import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { formatAmount } from '../../../lib/money'

const AllocationFields = graphql(`
  fragment AllocationFields on PaymentAllocation {
    id
    amount {
      amount
      currency
    }
    paymentAmount {
      amount
      currency
    }
    payment {
      id
      number
      kind
      receivedOn
    }
    invoice {
      id
      number
    }
    plannedPayment {
      id
      label
      plan {
        id
        order {
          id
        }
      }
    }
  }
`)

/**
 * Allocations as a table: from the invoice's side (`show="payment"`: which payment paid it) or
 * the payment's (`show="target"`: what it paid), each a link.
 */
export function AllocationList({
  allocations,
  show,
  caption,
}: {
  allocations: readonly FragmentType<typeof AllocationFields>[]
  show: 'payment' | 'target'
  caption: string
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const rows = useFragment(AllocationFields, allocations)
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t(show === 'payment' ? 'allocation.payment' : 'allocation.target')}
            </th>
            <th scope="col" className="num">
              {t('allocation.amount')}
            </th>
            <th scope="col" className="num">
              {t('allocation.paymentAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((allocation) => (
            <tr key={allocation.id}>
              <th scope="row">
                {show === 'payment' ? (
                  <Link to={`/payments/${encodeURIComponent(allocation.payment.id)}`}>
                    {allocation.payment.number}
                  </Link>
                ) : (
                  <TargetLinks allocation={allocation} />
                )}
              </th>
              <td className="num">{formatAmount(allocation.amount, lang)}</td>
              <td className="num">{formatAmount(allocation.paymentAmount, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function TargetLinks({
  allocation,
}: {
  allocation: {
    invoice?: { id: string; number: string } | null
    plannedPayment?: { label: string; plan: { order?: { id: string } | null } } | null
  }
}) {
  const planned = allocation.plannedPayment
  const order = planned?.plan.order
  return (
    <>
      {allocation.invoice ? (
        <Link to={`/invoices/${encodeURIComponent(allocation.invoice.id)}`}>
          {allocation.invoice.number}
        </Link>
      ) : null}
      {allocation.invoice && planned ? ' · ' : null}
      {planned ? (
        order ? (
          <Link to={`/orders/${encodeURIComponent(order.id)}`}>{planned.label}</Link>
        ) : (
          <span>{planned.label}</span>
        )
      ) : null}
    </>
  )
}
