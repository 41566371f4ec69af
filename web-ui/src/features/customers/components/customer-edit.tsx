import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import { CustomerFieldsFragmentDoc } from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'
import { useCampaignOptions } from '../api/campaigns'
import { CustomerQuery } from '../api/customers'
import { UpdateCustomerMutation } from '../api/mutations'
import { useAssignableUsers } from '../api/users'
import { customerToFormValues, toUpdateCustomerInput } from '../utils/form-values'
import { CustomerForm } from './customer-form'

/** /customers/:id/edit */
export function CustomerEdit() {
  const { t } = useTranslation('customers')
  const navigate = useNavigate()
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({ query: CustomerQuery, variables: { id } })
  const { users } = useAssignableUsers()
  const { campaigns } = useCampaignOptions()
  const [mutation, updateCustomer] = useMutation(UpdateCustomerMutation)

  // the customer as its page shows it (the fragment declared next to CustomerDetail)
  const customer = useFragment(CustomerFieldsFragmentDoc, query.data?.customer)
  if (query.fetching && !customer) return <Loading />
  if (query.error && !customer) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    )
  }
  if (!customer) {
    return <EmptyState title={t('detail.notFound')} />
  }

  const initialValues = customerToFormValues(customer)
  // The owner and the people it is shared with may be outside the caller's team: keep them listed.
  const options = [...users]
  for (const user of [customer.owner, ...customer.sharedWith]) {
    if (!options.some((option) => option.id === user.id)) options.push(user)
  }
  // likewise its source campaign, when campaigns are offered at all
  const campaignOptions = [...campaigns]
  const source = customer.sourceCampaign
  if (campaignOptions.length > 0 && source && !campaignOptions.some((c) => c.id === source.id)) {
    campaignOptions.push(source)
  }

  return (
    <section className="page page-narrow" aria-labelledby="customer-edit-title">
      <h1 id="customer-edit-title">{t('form.editTitle', { name: customer.name })}</h1>
      {mutation.error ? <QueryError error={mutation.error} /> : null}
      <CustomerForm
        // a reloaded version starts a fresh form
        key={customer.version}
        mode="edit"
        initialValues={initialValues}
        users={options}
        campaigns={campaignOptions}
        submitLabel={t('form.save')}
        onCancel={() => navigate(`/customers/${encodeURIComponent(customer.id)}`)}
        onReload={() => reexecute({ requestPolicy: 'network-only' })}
        onSubmit={async (values): Promise<readonly UserErrorLike[]> => {
          const response = await updateCustomer({
            input: toUpdateCustomerInput(customer.id, customer.version, initialValues, values),
          })
          const payload = response.data?.updateCustomer
          if (!payload) return []
          if (payload.customer && payload.userErrors.length === 0) {
            navigate(`/customers/${encodeURIComponent(customer.id)}`)
          }
          return payload.userErrors
        }}
      />
    </section>
  )
}
