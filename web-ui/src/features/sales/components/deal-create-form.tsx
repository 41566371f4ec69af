import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { DealCampaignOptionsQuery } from '../api/campaigns'
import { CreateOpportunityMutation } from '../api/mutations'
import type { Deal, Stage } from '../utils/board'
import { CURRENCIES } from '../utils/money'
import { OpportunityCardFieldsFragmentDoc } from '../../../gql/graphql'
import { readFragment } from '../../../lib/read-fragment'
import { DealCustomerOptionsQuery } from '../api/customers'

const FIELDS = [
  'customerId',
  'name',
  'amount',
  'amount.amount',
  'amount.currency',
  'expectedCloseDate',
  'stageId',
  'campaignId',
]

type Values = {
  customerId: string
  name: string
  amount: string
  currency: string
  expectedCloseDate: string
  stageId: string
  campaignId: string
}

/** Client-side checks in the server's shape, so both show the same way. */
function checkDealValues(values: Values): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  if (!values.customerId) errors.push({ field: ['customerId'], code: 'REQUIRED', message: '' })
  if (!values.name.trim()) errors.push({ field: ['name'], code: 'REQUIRED', message: '' })
  if (values.amount.trim() && !/^\d+([.,]\d{1,4})?$/.test(values.amount.trim())) {
    errors.push({ field: ['amount', 'amount'], code: 'INVALID_FORMAT', message: '' })
  }
  return errors
}

/**
 * "New deal": customer (searchable, or fixed when the form starts from a customer), name, amount and currency, expected close, stage, and the
 * campaign it came from (not offered when the caller sees no campaigns, as partners' users).
 */
export function DealCreateForm({
  stages,
  pipelineId,
  customer,
  onCancel,
  onCreated,
}: {
  stages: readonly Stage[]
  pipelineId: string
  /** The customer the deal is for, already chosen (e.g. "New deal" on the customer page). */
  customer?: { id: string; name: string }
  onCancel: () => void
  onCreated: (deal: Deal) => void
}) {
  const { t } = useTranslation('sales')
  const [search, setSearch] = useState('')
  const debounced = useDebouncedValue(search.trim(), 300)
  const [customers] = useQuery({
    query: DealCustomerOptionsQuery,
    variables: { search: debounced.length >= 2 ? debounced : null },
    pause: customer !== undefined,
  })
  const [campaigns] = useQuery({ query: DealCampaignOptionsQuery })
  const campaignOptions = (campaigns.data?.campaigns ?? []).map((campaign) => ({
    value: campaign.id,
    label: campaign.name,
  }))
  const [result, create] = useMutation(CreateOpportunityMutation)
  const [values, setValues] = useState<Values>({
    customerId: customer?.id ?? '',
    name: '',
    amount: '',
    currency: 'EUR',
    expectedCloseDate: '',
    stageId: stages[0]?.id ?? '',
    campaignId: '',
  })
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }))

  const options = (customers.data?.customers.edges ?? []).map((edge) => ({
    value: edge.node.id,
    label: edge.node.name,
  }))
  const mapped = mapUserErrors(errors, FIELDS)
  const amountErrors = [
    ...(mapped.byField.amount ?? []),
    ...(mapped.byField['amount.amount'] ?? []),
  ]

  const submit = async () => {
    const problems = checkDealValues(values)
    setErrors(problems)
    if (problems.length > 0) return
    const amount = values.amount.trim().replace(',', '.')
    const response = await create({
      input: {
        customerId: values.customerId,
        name: values.name.trim(),
        pipelineId,
        stageId: values.stageId || null,
        amount: amount ? { amount, currency: values.currency } : null,
        expectedCloseDate: values.expectedCloseDate || null,
        campaignId: values.campaignId || null,
      },
    })
    const payload = response.data?.createOpportunity
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.opportunity && payload.userErrors.length === 0)
      onCreated(readFragment(OpportunityCardFieldsFragmentDoc, payload.opportunity))
  }

  return (
    <section className="card deal-create" aria-labelledby="deal-create-title">
      <h2 id="deal-create-title">{t('create.title')}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('create.problems')} />
      <form
        noValidate
        className="deal-create-grid"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {customer ? (
          <FormField label={t('field.customer')}>
            {(control) => <input {...control} value={customer.name} readOnly />}
          </FormField>
        ) : (
          <>
            <TextField
              type="search"
              label={t('create.customerSearch')}
              placeholder={t('create.customerSearchPlaceholder')}
              value={search}
              onChange={setSearch}
            />
            <SelectField
              label={t('field.customer')}
              required
              value={values.customerId}
              onChange={set('customerId')}
              emptyLabel={options.length > 0 ? t('create.chooseCustomer') : t('create.noCustomers')}
              options={options}
              errors={mapped.byField.customerId}
            />
          </>
        )}
        <TextField
          label={t('field.name')}
          required
          value={values.name}
          onChange={set('name')}
          maxLength={200}
          errors={mapped.byField.name}
        />
        <div className="deal-create-money">
          <TextField
            label={t('field.amount')}
            value={values.amount}
            onChange={set('amount')}
            placeholder="1000.00"
            errors={amountErrors}
          />
          <SelectField
            label={t('field.currency')}
            value={values.currency}
            onChange={set('currency')}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            errors={mapped.byField['amount.currency']}
          />
        </div>
        <DateField
          label={t('field.expectedCloseDate')}
          errors={mapped.byField.expectedCloseDate}
          value={values.expectedCloseDate}
          onChange={set('expectedCloseDate')}
        />
        <SelectField
          label={t('field.stage')}
          value={values.stageId}
          onChange={set('stageId')}
          options={stages.map((s) => ({ value: s.id, label: s.name }))}
          errors={mapped.byField.stageId}
        />
        {campaignOptions.length > 0 ? (
          <SelectField
            label={t('field.campaign')}
            value={values.campaignId}
            onChange={set('campaignId')}
            emptyLabel={t('common.notSelected', { ns: 'translation' })}
            options={campaignOptions}
            errors={mapped.byField.campaignId}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('create.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
