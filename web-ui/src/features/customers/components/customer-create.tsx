import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMutation } from 'urql'
import { QueryError } from '../../../components/status'
import type { UserErrorLike } from '../../../lib/user-errors'
import { useCampaignOptions } from '../api/campaigns'
import { CreateCustomerMutation } from '../api/mutations'
import { useAssignableUsers } from '../api/users'
import { emptyCustomerValues, toCreateCustomerInput } from '../utils/form-values'
import { CustomerForm } from './customer-form'

/** /customers/new */
export function CustomerCreate() {
  const { t } = useTranslation('customers')
  const navigate = useNavigate()
  const { users } = useAssignableUsers()
  const { campaigns } = useCampaignOptions()
  const [result, createCustomer] = useMutation(CreateCustomerMutation)

  return (
    <section className="page page-narrow" aria-labelledby="customer-create-title">
      <h1 id="customer-create-title">{t('form.createTitle')}</h1>
      {result.error ? <QueryError error={result.error} /> : null}
      <CustomerForm
        mode="create"
        initialValues={emptyCustomerValues}
        users={users}
        campaigns={campaigns}
        submitLabel={t('form.create')}
        onCancel={() => navigate('/customers')}
        onSubmit={async (values, firstContact): Promise<readonly UserErrorLike[]> => {
          const response = await createCustomer({
            input: toCreateCustomerInput(values, firstContact),
          })
          const payload = response.data?.createCustomer
          if (!payload) return []
          if (payload.customer && payload.userErrors.length === 0) {
            navigate(`/customers/${encodeURIComponent(payload.customer.id)}`)
          }
          return payload.userErrors
        }}
      />
    </section>
  )
}
