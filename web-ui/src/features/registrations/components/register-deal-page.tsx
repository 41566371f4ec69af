import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { FORM_CURRENCIES, todayIso } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  RegistrationCustomerSearchQuery,
  RegistrationProductSearchQuery,
  RegistrationSubDealersQuery,
  SubmitDealRegistrationMutation,
} from '../api/registrations'
import {
  toSubmitInput,
  validateRegistration,
  type PickedCustomer,
  type RegistrationFormValues,
  type RegistrationLineValues,
} from '../utils/registration-form'
import '../registrations.css'

const FIELDS = [
  'partnerId',
  'customerId',
  'customerName',
  'customerTaxId',
  'customerEmailDomain',
  'customerRegion',
  'customerIndustry',
  'lines',
  'expectedAmount.amount',
  'expectedAmount.currency',
  'expectedCloseOn',
  'note',
]

const lineFields = (count: number) =>
  Array.from({ length: count }, (_, index) => [
    `lines.${index}.productId`,
    `lines.${index}.editionCode`,
    `lines.${index}.quantity`,
  ]).flat()

/**
 * /registrations/new: a partner's user registers a deal — for one of its customers or a new one
 * (name, tax id, e-mail domain, region, industry), with catalogue products and quantities, the
 * expected amount and close date and a note. Conflicts are the channel manager's to see.
 */
export function RegisterDealPage({ partner }: { partner: { id: string; name: string } | null }) {
  const { t } = useTranslation('registrations')
  const navigate = useNavigate()
  // a partner with sub-dealers may register for one of them
  const [subDealers] = useQuery({
    query: RegistrationSubDealersQuery,
    variables: { partnerId: partner?.id ?? '' },
    pause: !partner,
  })
  const dealers = subDealers.data?.partners.edges.map((edge) => edge.node) ?? []
  const [forPartner, setForPartner] = useState('')
  const nextKey = useRef(1)
  const [values, setValues] = useState<RegistrationFormValues>({
    customerMode: 'existing',
    customer: null,
    customerName: '',
    customerTaxId: '',
    customerEmailDomain: '',
    customerRegion: '',
    customerIndustry: '',
    lines: [{ key: 0, product: null, editionCode: '', quantity: '1' }],
    amount: '',
    currency: 'EUR',
    expectedCloseOn: '',
    note: '',
  })
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [submitted, submit] = useMutation(SubmitDealRegistrationMutation)
  const today = todayIso()
  const problems = checked ? validateRegistration(values, today) : {}
  const mapped = mapUserErrors(errors, [...FIELDS, ...lineFields(values.lines.length)])
  const problem = (key: string) => (problems[key] ? t(`form.${problems[key]}`) : null)
  const set =
    <K extends keyof RegistrationFormValues>(field: K) =>
    (value: RegistrationFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }))
  const setLine = (index: number, change: Partial<RegistrationLineValues>) =>
    setValues((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
    }))

  const send = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validateRegistration(values, today)).length > 0) return
    const input = { ...toSubmitInput(values), ...(forPartner ? { partnerId: forPartner } : {}) }
    const payload = (await submit({ input })).data?.submitDealRegistration
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.registration && payload.userErrors.length === 0) {
      navigate(`/registrations/${encodeURIComponent(payload.registration.id)}`)
    }
  }

  return (
    <section className="page page-narrow" aria-labelledby="register-title">
      <p className="breadcrumb">
        <Link to="/registrations">← {t('list.title')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="register-title">{t('form.title')}</h1>
          <p className="page-subtitle">{t('form.subtitle')}</p>
        </div>
      </header>
      <form className="card form" noValidate onSubmit={(event) => void send(event)}>
        {submitted.error ? <QueryError error={submitted.error} /> : null}
        <FormErrors errors={mapped.general} title={t('form.failed')} />
        {partner && dealers.length > 0 ? (
          <SelectField
            label={t('form.registerFor')}
            value={forPartner}
            onChange={setForPartner}
            emptyLabel={partner.name}
            options={dealers.map((dealer) => ({ value: dealer.id, label: dealer.name }))}
            errors={mapped.byField.partnerId}
          />
        ) : null}
        <fieldset className="form-section">
          <legend>{t('form.customer')}</legend>
          <div role="radiogroup" aria-label={t('form.customer')} className="radio-row">
            <label className="checkbox">
              <input
                type="radio"
                name="customerMode"
                checked={values.customerMode === 'existing'}
                onChange={() => set('customerMode')('existing')}
              />
              {t('form.existingCustomer')}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="customerMode"
                checked={values.customerMode === 'new'}
                onChange={() => set('customerMode')('new')}
              />
              {t('form.newCustomer')}
            </label>
          </div>
          {values.customerMode === 'existing' ? (
            values.customer ? (
              <div className="form-grid">
                <FormField label={t('field.customer')} errors={mapped.byField.customerId}>
                  {(control) => (
                    <p className="chosen">
                      <output {...control}>{values.customer?.name}</output>{' '}
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => set('customer')(null)}
                      >
                        {t('form.change')}
                      </button>
                    </p>
                  )}
                </FormField>
                {/* recorded for the customer: taken as is; not recorded: the partner says it */}
                {values.customer.region ? (
                  <RecordedFact label={t('field.region')} value={values.customer.region} />
                ) : (
                  <TextField
                    label={t('field.region')}
                    hint={t('form.notRecordedHint')}
                    maxLength={100}
                    value={values.customerRegion}
                    onChange={set('customerRegion')}
                    errors={mapped.byField.customerRegion}
                  />
                )}
                {values.customer.industry ? (
                  <RecordedFact label={t('field.industry')} value={values.customer.industry} />
                ) : (
                  <TextField
                    label={t('field.industry')}
                    hint={t('form.notRecordedHint')}
                    maxLength={100}
                    value={values.customerIndustry}
                    onChange={set('customerIndustry')}
                    errors={mapped.byField.customerIndustry}
                  />
                )}
              </div>
            ) : (
              <CustomerPicker
                problem={problem('customerId')}
                errors={mapped.byField.customerId}
                onPick={set('customer')}
              />
            )
          ) : (
            <div className="form-grid">
              <TextField
                label={t('field.customerName')}
                required
                maxLength={200}
                value={values.customerName}
                onChange={set('customerName')}
                errors={mapped.byField.customerName}
                inputError={problem('customerName')}
              />
              <TextField
                label={t('field.taxId')}
                maxLength={50}
                value={values.customerTaxId}
                onChange={set('customerTaxId')}
                errors={mapped.byField.customerTaxId}
              />
              <TextField
                label={t('field.emailDomain')}
                hint={t('form.emailDomainHint')}
                maxLength={200}
                value={values.customerEmailDomain}
                onChange={set('customerEmailDomain')}
                errors={mapped.byField.customerEmailDomain}
                inputError={problem('customerEmailDomain')}
              />
              <TextField
                label={t('field.region')}
                maxLength={100}
                value={values.customerRegion}
                onChange={set('customerRegion')}
                errors={mapped.byField.customerRegion}
              />
              <TextField
                label={t('field.industry')}
                maxLength={100}
                value={values.customerIndustry}
                onChange={set('customerIndustry')}
                errors={mapped.byField.customerIndustry}
              />
            </div>
          )}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('field.products')}</legend>
          {problem('lines') || mapped.byField.lines ? (
            <FormErrors errors={mapped.byField.lines ?? []}>
              {problem('lines') ? <p>{problem('lines')}</p> : null}
            </FormErrors>
          ) : null}
          {values.lines.map((line, index) => (
            <div className="registration-line" key={line.key}>
              {line.product ? (
                <FormField
                  label={t('form.lineProduct', { n: index + 1 })}
                  errors={mapped.byField[`lines.${index}.productId`]}
                >
                  {(control) => (
                    <p className="chosen">
                      <output {...control}>{line.product?.name}</output>{' '}
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setLine(index, { product: null, editionCode: '' })}
                      >
                        {t('form.change')}
                      </button>
                    </p>
                  )}
                </FormField>
              ) : (
                <ProductPicker
                  label={t('form.lineProduct', { n: index + 1 })}
                  problem={problem(`lines.${index}.productId`)}
                  errors={mapped.byField[`lines.${index}.productId`]}
                  onPick={(product) => setLine(index, { product })}
                />
              )}
              {line.product && line.product.editions.length > 0 ? (
                <SelectField
                  label={t('form.lineEdition', { n: index + 1 })}
                  value={line.editionCode}
                  onChange={(editionCode) => setLine(index, { editionCode })}
                  emptyLabel={t('form.noEdition')}
                  options={line.product.editions.map((e) => ({ value: e.code, label: e.name }))}
                  errors={mapped.byField[`lines.${index}.editionCode`]}
                />
              ) : null}
              <TextField
                label={t('form.lineQuantity', { n: index + 1 })}
                required
                value={line.quantity}
                onChange={(quantity) => setLine(index, { quantity })}
                errors={mapped.byField[`lines.${index}.quantity`]}
                inputError={problem(`lines.${index}.quantity`)}
              />
              {values.lines.length > 1 ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    setValues((current) => ({
                      ...current,
                      lines: current.lines.filter((_, i) => i !== index),
                    }))
                  }
                >
                  {t('form.removeLine', { n: index + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              setValues((current) => ({
                ...current,
                lines: [
                  ...current.lines,
                  { key: nextKey.current++, product: null, editionCode: '', quantity: '1' },
                ],
              }))
            }
          >
            + {t('form.addLine')}
          </button>
        </fieldset>
        <div className="form-grid">
          <TextField
            label={t('field.expectedAmount')}
            required
            value={values.amount}
            onChange={set('amount')}
            errors={mapped.byField['expectedAmount.amount']}
            inputError={problem('expectedAmount.amount')}
          />
          <SelectField
            label={t('field.currency')}
            required
            value={values.currency}
            onChange={(currency) => set('currency')(currency || 'EUR')}
            options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
            errors={mapped.byField['expectedAmount.currency']}
          />
          <DateField
            label={t('field.expectedCloseOn')}
            required
            min={today}
            value={values.expectedCloseOn}
            onChange={set('expectedCloseOn')}
            errors={[
              ...(problems.expectedCloseOn
                ? [
                    {
                      code:
                        problems.expectedCloseOn === 'closeDateRequired'
                          ? ('REQUIRED' as const)
                          : ('INVALID_VALUE' as const),
                      message: t(`form.${problems.expectedCloseOn}`),
                    },
                  ]
                : []),
              ...(mapped.byField.expectedCloseOn ?? []),
            ]}
          />
        </div>
        <TextField
          label={t('field.note')}
          multiline
          maxLength={2000}
          value={values.note}
          onChange={set('note')}
          errors={mapped.byField.note}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submitted.fetching}>
            {t('form.submit')}
          </button>
          <Link to="/registrations" className="button">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </section>
  )
}

/** Searches the partner's customers by name as you type (from two letters). */
/** A value taken from the customer's record, shown as a read-only field. */
function RecordedFact({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('registrations')
  return (
    <FormField label={label} hint={t('form.fromCustomer')}>
      {(control) => (
        <p className="chosen">
          <output {...control}>{value}</output>
        </p>
      )}
    </FormField>
  )
}

function CustomerPicker({
  problem,
  errors,
  onPick,
}: {
  problem: string | null
  errors?: readonly UserErrorLike[]
  onPick: (customer: PickedCustomer) => void
}) {
  const { t } = useTranslation('registrations')
  const [text, setText] = useState('')
  const search = useDebouncedValue(text.trim(), 250)
  const [found] = useQuery({
    query: RegistrationCustomerSearchQuery,
    variables: { search },
    pause: search.length < 2,
  })
  const customers = found.data?.customers.edges.map((edge) => edge.node) ?? []
  return (
    <div className="picker">
      <TextField
        type="search"
        label={t('form.customerSearch')}
        required
        hint={t('form.searchHint')}
        value={text}
        onChange={setText}
        inputError={problem}
        errors={errors}
      />
      {search.length >= 2 && !found.fetching ? (
        customers.length === 0 ? (
          <p className="muted">{t('form.noCustomers')}</p>
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
                  {customer.taxId ? ` · ${customer.taxId}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}

/** Searches the catalogue by code or name as you type (from two letters). */
function ProductPicker({
  label,
  problem,
  errors,
  onPick,
}: {
  label: string
  problem: string | null
  errors?: readonly UserErrorLike[]
  onPick: (product: NonNullable<RegistrationLineValues['product']>) => void
}) {
  const { t } = useTranslation('registrations')
  const [text, setText] = useState('')
  const search = useDebouncedValue(text.trim(), 250)
  const [found] = useQuery({
    query: RegistrationProductSearchQuery,
    variables: { search },
    pause: search.length < 2,
  })
  const products = found.data?.products.edges.map((edge) => edge.node) ?? []
  return (
    <div className="picker">
      <TextField
        type="search"
        label={label}
        required
        hint={t('form.productHint')}
        value={text}
        onChange={setText}
        inputError={problem}
        errors={errors}
      />
      {search.length >= 2 && !found.fetching ? (
        products.length === 0 ? (
          <p className="muted">{t('form.noProducts')}</p>
        ) : (
          <ul className="picker-results">
            {products.map((product) => (
              <li key={product.id}>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onPick(product)}
                >
                  {product.code} — {product.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}
