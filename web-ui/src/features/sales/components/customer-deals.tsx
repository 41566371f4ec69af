import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { HubCard } from '../../../components/hub-card'
import { graphql } from '../../../gql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDate } from '../../../lib/format'
import { formatMoney } from '../utils/money'
import '../sales.css'

const PAGE_SIZE = 10

/** The customer's deals, each with its quotes: every quote belongs to a deal. */
const CustomerDealsQuery = graphql(`
  query CustomerDeals($customerId: ID!, $first: Int, $after: String) {
    opportunities(
      first: $first
      after: $after
      filter: { customerId: $customerId }
      orderBy: { field: UPDATED_AT, direction: DESC }
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          status
          expectedCloseDate
          updatedAt
          amount {
            amount
            currency
          }
          stage {
            id
            name
          }
          quotes {
            id
            documentNumber
            status
            validUntil
            total {
              amount
              currency
            }
          }
        }
      }
    }
  }
`)

/** Where "New deal" starts with the customer already chosen. */
function newDealPath(customerId: string): string {
  return `/deals/new?customer=${encodeURIComponent(customerId)}`
}

/**
 * On the customer page: its deals (with "New deal") and the quotes of those deals. The quotes
 * card pages with the deals, so "load more" on either brings the next deals and their quotes.
 */
export function CustomerDeals({
  customerId,
  canCreate,
  refreshKey,
}: {
  customerId: string
  canCreate: boolean
  /** Changing it fetches the section again, e.g. when the live feed said it changed. */
  refreshKey?: number
}) {
  const { t, i18n } = useTranslation('sales')
  const lang = i18n.language
  const deals = useConnectionPages(
    CustomerDealsQuery,
    { customerId, first: PAGE_SIZE },
    (data) => data.opportunities,
    { refreshKey },
  )
  const quotes = deals.rows.flatMap((deal) => deal.quotes.map((quote) => ({ deal, quote })))
  const quotePages = { ...deals, rows: quotes }
  const newDeal = canCreate ? (
    <Link to={newDealPath(customerId)} className="button">
      {t('board.newDeal')}
    </Link>
  ) : null
  return (
    <>
      <HubCard
        id="customer-deals"
        title={t('customer.deals')}
        pages={deals}
        action={newDeal}
        empty={canCreate ? t('customer.noDealsCreate') : t('customer.noDeals')}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.stage')}</th>
              <th scope="col" className="number">
                {t('field.amount')}
              </th>
              <th scope="col">{t('field.expectedCloseDate')}</th>
            </tr>
          </thead>
          <tbody>
            {deals.rows.map((deal) => (
              <tr key={deal.id}>
                <th scope="row">
                  <Link to={`/opportunities/${encodeURIComponent(deal.id)}`}>{deal.name}</Link>
                </th>
                <td>
                  <span className="badge">
                    {deal.status === 'OPEN' ? deal.stage.name : t(`status.${deal.status}`)}
                  </span>
                </td>
                <td className="number">{deal.amount ? formatMoney(deal.amount, lang) : ''}</td>
                <td>{formatDate(deal.expectedCloseDate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </HubCard>
      <HubCard
        id="customer-quotes"
        title={t('quotes.title')}
        pages={quotePages}
        empty={deals.rows.length > 0 ? t('customer.noQuotes') : t('customer.noQuotesNoDeals')}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('quotes.number')}</th>
              <th scope="col">{t('customer.deal')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col" className="number">
                {t('quotes.total')}
              </th>
              <th scope="col">{t('quotes.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map(({ deal, quote }) => (
              <tr key={quote.id}>
                <th scope="row">
                  <Link to={`/opportunities/${encodeURIComponent(deal.id)}`}>
                    {quote.documentNumber}
                  </Link>
                </th>
                <td>{deal.name}</td>
                <td>
                  <span className="badge">{t(`quoteStatus.${quote.status}`)}</span>
                </td>
                <td className="number">{formatMoney(quote.total, lang)}</td>
                <td>{formatDate(quote.validUntil, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </HubCard>
    </>
  )
}
