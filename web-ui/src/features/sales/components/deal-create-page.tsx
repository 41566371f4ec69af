import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { graphql } from '../../../gql'
import { useDefaultPipeline } from '../api/pipelines'
import { DealCreateForm } from './deal-create-form'
import '../sales.css'

const DealCustomerQuery = graphql(`
  query DealCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
    }
  }
`)

/**
 * /deals/new?customer=<id>: "New deal" for a customer chosen before (on the customer page), in
 * the default pipeline; the new deal's page opens once it is created.
 */
export function DealCreatePage() {
  const { t } = useTranslation('sales')
  const navigate = useNavigate()
  const customerId = useSearchParams()[0].get('customer') ?? ''
  const pipeline = useDefaultPipeline()
  const [customer] = useQuery({
    query: DealCustomerQuery,
    variables: { id: customerId },
    pause: !customerId,
  })
  const back = () =>
    void navigate(customerId ? `/customers/${encodeURIComponent(customerId)}` : '/pipeline')

  const error = pipeline.error ?? customer.error
  if (error) return <QueryError error={error} />
  if (!pipeline.loaded || customer.fetching) return <Loading />
  if (!pipeline.pipeline) return <EmptyState title={t('board.noPipeline')} />
  const chosen = customer.data?.customer ?? undefined
  if (customerId && !chosen) return <EmptyState title={t('create.customerNotFound')} />
  return (
    <DealCreateForm
      stages={pipeline.stages}
      pipelineId={pipeline.pipeline.id}
      customer={chosen}
      onCancel={back}
      onCreated={(deal) => void navigate(`/opportunities/${encodeURIComponent(deal.id)}`)}
    />
  )
}
