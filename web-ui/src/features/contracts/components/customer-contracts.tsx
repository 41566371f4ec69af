import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { HubCard } from '../../../components/hub-card'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { ContractListQuery } from '../api/contracts'
import { ContractTable } from './contracts-page'
import '../contracts.css'

const PAGE_SIZE = 10

/** The customer page's card of the customer's contracts, newest first, with "New contract". */
export function CustomerContracts({
  customerId,
  canCreate,
  refreshKey,
}: {
  customerId: string
  canCreate: boolean
  /** Changing it fetches the card again, e.g. when the live feed said a contract changed. */
  refreshKey?: number
}) {
  const { t } = useTranslation('contracts')
  const pages = useConnectionPages(
    ContractListQuery,
    { customerId, status: null, search: null, first: PAGE_SIZE },
    (data) => data.contracts,
    { refreshKey },
  )
  return (
    <HubCard
      id="customer-contracts"
      title={t('customerCard.title')}
      pages={pages}
      action={
        canCreate ? (
          <Link to={`/contracts/new?customer=${encodeURIComponent(customerId)}`} className="button">
            {t('list.new')}
          </Link>
        ) : null
      }
      empty={t('customerCard.empty')}
    >
      <ContractTable rows={pages.rows} showCustomer={false} />
    </HubCard>
  )
}
