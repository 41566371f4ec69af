import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { FORM_CURRENCIES, formatAmount } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  ContractCustomerSearchQuery,
  ContractSourceQuery,
  CreateContractMutation,
} from '../api/contracts'
import {
  hasSource,
  toCreateContractInput,
  validateContractForm,
  type ContractFormValues,
} from '../utils/contract-form'
import '../contracts.css'

const FIELDS = ['customerId', 'title', 'quoteId', 'orderId', 'currency', 'total']

/**
 * /contracts/new?customer=&quote=&order=: a draft contract for a customer, resting on an accepted
 * quote or an order (which give currency, total and deal), or with its own currency and total.
 */
export function ContractCreatePage() {
  const { t } = useTranslation('contracts')
  const [params] = useSearchParams()
  const quoteId = params.get('quote') ?? ''
  const orderId = quoteId ? '' : (params.get('order') ?? '')
  const customerParam = params.get('customer') ?? ''
  const [source] = useQuery({
    query: ContractSourceQuery,
    variables: {
      quoteId,
      orderId,
      customerId: customerParam,
      withQuote: Boolean(quoteId),
      withOrder: Boolean(orderId),
      withCustomer: Boolean(customerParam) && !quoteId && !orderId,
    },
    pause: !quoteId && !orderId && !customerParam,
  })
  if (source.fetching && !source.data) return <Loading />
  if (source.error && !source.data) return <QueryError error={source.error} />
  const quote = source.data?.quote
  const order = source.data?.order
  const customer = quote?.opportunity.customer ?? order?.customer ?? source.data?.customer ?? null
  return (
    <section className="page" aria-labelledby="contract-new-title">
      <p className="breadcrumb">
        <Link to="/contracts">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <h1 id="contract-new-title">{t('create.title')}</h1>
      </header>
      {(quoteId && !quote) || (orderId && !order) ? (
        <p role="alert" className="alert alert-error">
          {t('create.sourceMissing')}
        </p>
      ) : (
        <ContractForm customer={customer} quote={quote ?? null} order={order ?? null} />
      )}
    </section>
  )
}

type Money = { amount: string; currency: string }

function ContractForm({
  customer,
  quote,
  order,
}: {
  customer: { id: string; name: string } | null
  quote: {
    id: string
    number: number
    status: string
    total: Money
    opportunity: { id: string; name: string }
  } | null
  order: { id: string; number: string; total: Money; opportunity?: { id: string } | null } | null
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const navigate = useNavigate()
  const [values, setValues] = useState<ContractFormValues>({
    customerId: customer?.id ?? '',
    title: '',
    quoteId: quote?.id ?? '',
    orderId: order?.id ?? '',
    currency: 'EUR',
    total: '',
  })
  const [chosen, setChosen] = useState(customer)
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [created, create] = useMutation(CreateContractMutation)
  const problems = checked ? validateContractForm(values) : {}
  const mapped = mapUserErrors(errors, FIELDS)
  const problemText = (field: keyof ContractFormValues) => {
    const problem = problems[field]
    return problem ? t(`create.${problem}`) : null
  }
  const set = (field: keyof ContractFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validateContractForm(values)).length > 0) return
    const opportunityId = quote?.opportunity.id ?? order?.opportunity?.id ?? null
    const payload = (await create({ input: toCreateContractInput(values, opportunityId) })).data
      ?.createContract
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.contract && payload.userErrors.length === 0) {
      navigate(`/contracts/${encodeURIComponent(payload.contract.id)}`)
    }
  }

  return (
    <form className="card form" noValidate onSubmit={(event) => void submit(event)}>
      {created.error ? <QueryError error={created.error} /> : null}
      <FormErrors errors={mapped.general} title={t('create.problems')} />
      {quote ? (
        <p>
          {t('create.fromQuote', {
            number: quote.number,
            deal: quote.opportunity.name,
            total: formatAmount(quote.total, lang),
          })}
        </p>
      ) : null}
      {quote && quote.status !== 'ACCEPTED' ? (
        <p role="alert" className="alert alert-error">
          {t('create.quoteNotAccepted')}
        </p>
      ) : null}
      {order ? (
        <p>
          {t('create.fromOrder', { number: order.number, total: formatAmount(order.total, lang) })}
        </p>
      ) : null}
      {hasSource(values) ? <p className="muted">{t('create.sourceHint')}</p> : null}
      {chosen ? (
        <FormField label={t('create.customer')} errors={mapped.byField.customerId}>
          {(control) => (
            <p className="chosen-customer">
              <output {...control}>{chosen.name}</output>{' '}
              {quote || order ? null : (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setChosen(null)
                    set('customerId')('')
                  }}
                >
                  {t('create.change')}
                </button>
              )}
            </p>
          )}
        </FormField>
      ) : (
        <CustomerPicker
          problem={problemText('customerId')}
          onPick={(picked) => {
            setChosen(picked)
            set('customerId')(picked.id)
          }}
        />
      )}
      <TextField
        label={t('field.title')}
        required
        maxLength={200}
        value={values.title}
        onChange={set('title')}
        errors={mapped.byField.title}
        inputError={problemText('title')}
      />
      {hasSource(values) ? null : (
        <>
          <SelectField
            label={t('field.currency')}
            required
            value={values.currency}
            onChange={set('currency')}
            options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
            errors={mapped.byField.currency}
            inputError={problemText('currency')}
          />
          <TextField
            label={t('field.total')}
            required
            value={values.total}
            onChange={set('total')}
            errors={mapped.byField.total}
            inputError={problemText('total')}
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={created.fetching}>
          {t('create.submit')}
        </button>
        <Link to="/contracts" className="button">
          {t('create.cancel')}
        </Link>
      </div>
    </form>
  )
}

/** Searches customers by name as you type (from two letters). */
function CustomerPicker({
  problem,
  onPick,
}: {
  problem: string | null
  onPick: (customer: { id: string; name: string }) => void
}) {
  const { t } = useTranslation('contracts')
  const [text, setText] = useState('')
  const search = useDebouncedValue(text.trim(), 250)
  const [found] = useQuery({
    query: ContractCustomerSearchQuery,
    variables: { search },
    pause: search.length < 2,
  })
  const customers = found.data?.customers.edges.map((edge) => edge.node) ?? []
  return (
    <div className="customer-picker">
      <TextField
        type="search"
        label={t('create.customerSearch')}
        required
        hint={t('create.customerHint')}
        value={text}
        onChange={setText}
        inputError={problem}
      />
      {search.length >= 2 && !found.fetching ? (
        customers.length === 0 ? (
          <p className="muted">{t('create.noCustomers')}</p>
        ) : (
          <ul className="picker-results">
            {customers.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onPick(customer)}
                >
                  {customer.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}
