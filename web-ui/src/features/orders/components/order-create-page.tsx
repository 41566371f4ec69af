import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useClient, useMutation, useQuery } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { FORM_CURRENCIES, formatAmount } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  CreateOrderMutation,
  OrderCustomerOptionsQuery,
  OrderCustomerQuery,
  OrderProductOptionsQuery,
  ProductPriceQuery,
} from '../api/orders'
import {
  checkOrderValues,
  emptyOrderLine,
  orderFieldKeys,
  orderLineTotal,
  orderTotal,
  toCreateOrderInput,
  withCataloguePrice,
  type OrderLineValues,
  type OrderValues,
} from '../utils/order-form'
import '../orders.css'

/**
 * /orders/new: customer (searchable, or given as `?customerId=`), currency, and product lines
 * whose unit price is filled in from the catalogue for the currency and edition.
 */
export function OrderCreatePage() {
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const navigate = useNavigate()
  const client = useClient()
  const [params] = useSearchParams()
  const [search, setSearch] = useState('')
  const debounced = useDebouncedValue(search.trim(), 300)
  const [customers] = useQuery({
    query: OrderCustomerOptionsQuery,
    variables: { search: debounced.length >= 2 ? debounced : null },
  })
  const givenCustomerId = params.get('customerId') ?? ''
  const [givenCustomer] = useQuery({
    query: OrderCustomerQuery,
    variables: { id: givenCustomerId },
    pause: !givenCustomerId,
  })
  const [products] = useQuery({ query: OrderProductOptionsQuery })
  const [result, create] = useMutation(CreateOrderMutation)
  const [values, setValues] = useState<OrderValues>(() => ({
    customerId: givenCustomerId,
    currency: 'EUR',
    lines: [emptyOrderLine()],
  }))
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, orderFieldKeys(values.lines.length))
  const at = (key: string) => mapped.byField[key]

  const customerOptions = (customers.data?.customers.edges ?? []).map((edge) => ({
    value: edge.node.id,
    label: edge.node.name,
  }))
  const given = givenCustomer.data?.customer
  if (given && !customerOptions.some((o) => o.value === given.id)) {
    customerOptions.unshift({ value: given.id, label: given.name })
  }
  const productList = (products.data?.products.edges ?? []).map((edge) => edge.node)
  const productOf = (id: string) => productList.find((p) => p.id === id)

  // The catalogue price of every line whose product, edition or the currency changed.
  const priceKey = values.lines
    .map((l) => `${l.productId}|${l.editionCode}|${values.currency}`)
    .join(';')
  useEffect(() => {
    let cancelled = false
    const requests = priceKey.split(';').map((key, index) => {
      const [productId, editionCode, currency] = key.split('|') as [string, string, string]
      if (!productId) return Promise.resolve(null)
      return client
        .query(ProductPriceQuery, { id: productId, currency, editionCode: editionCode || null })
        .toPromise()
        .then((answer) => ({ index, key, price: answer.data?.product?.price ?? null }))
    })
    void Promise.all(requests).then((answers) => {
      if (cancelled) return
      setValues((current) => ({
        ...current,
        lines: current.lines.map((line, index) => {
          const answer = answers[index]
          if (!answer) return line
          const key = `${line.productId}|${line.editionCode}|${current.currency}`
          return key === answer.key ? withCataloguePrice(line, answer.price) : line
        }),
      }))
    })
    return () => {
      cancelled = true
    }
  }, [client, priceKey])

  const setLine = (index: number, patch: Partial<OrderLineValues>) =>
    setValues((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)),
    }))

  const submit = async () => {
    const local = checkOrderValues(values)
    setErrors(local)
    if (local.length > 0) return
    const payload = (await create({ input: toCreateOrderInput(values) })).data?.createOrder
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.order && payload.userErrors.length === 0) {
      navigate(`/orders/${encodeURIComponent(payload.order.id)}`)
    }
  }

  const currencies = [...new Set<string>([...FORM_CURRENCIES, values.currency])]

  return (
    <section className="page page-narrow" aria-labelledby="order-create-title">
      <p className="breadcrumb">
        <Link to="/orders">← {t('detail.back')}</Link>
      </p>
      <h1 id="order-create-title">{t('create.title')}</h1>
      {result.error ? <QueryError error={result.error} /> : null}
      {products.error ? <QueryError error={products.error} /> : null}
      <FormErrors errors={mapped.general} title={t('create.problems')} />
      <form
        noValidate
        aria-label={t('create.title')}
        className="card"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <div className="order-form-head">
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
            onChange={(value) => setValues((c) => ({ ...c, customerId: value }))}
            emptyLabel={
              customerOptions.length > 0 ? t('create.chooseCustomer') : t('create.noCustomers')
            }
            options={customerOptions}
            errors={at('customerId')}
          />
          <SelectField
            label={t('field.currency')}
            value={values.currency}
            onChange={(value) => setValues((c) => ({ ...c, currency: value || 'EUR' }))}
            options={currencies.map((c) => ({ value: c, label: c }))}
            errors={at('currency')}
          />
        </div>
        <FormErrors errors={at('lines') ?? []} />
        {values.lines.map((line, index) => {
          const product = productOf(line.productId)
          const editions = (product?.editions ?? []).filter((e) => e.active)
          const total = orderLineTotal(line)
          const key = `lines.${index}`
          return (
            <fieldset key={index} className="order-line">
              <legend>{t('create.line', { number: index + 1 })}</legend>
              <FormErrors errors={at(key) ?? []} />
              <SelectField
                label={t('field.product')}
                required
                value={line.productId}
                onChange={(value) =>
                  setLine(index, {
                    productId: value,
                    editionCode: productOf(value)?.editions.find((e) => e.active)?.code ?? '',
                    // another product: its catalogue price again
                    unitPrice: '',
                    priceTouched: false,
                  })
                }
                emptyLabel={t('create.chooseProduct')}
                options={productList.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
                errors={at(`${key}.productId`)}
              />
              {editions.length > 0 ? (
                <SelectField
                  label={t('field.edition')}
                  value={line.editionCode}
                  onChange={(value) => setLine(index, { editionCode: value })}
                  options={editions.map((e) => ({ value: e.code, label: e.name }))}
                  errors={at(`${key}.editionCode`)}
                />
              ) : null}
              <TextField
                label={t('field.quantity')}
                required
                value={line.quantity}
                onChange={(value) => setLine(index, { quantity: value })}
                errors={at(`${key}.quantity`)}
              />
              <TextField
                label={t('field.unitPrice')}
                value={line.unitPrice}
                hint={t('create.unitPriceHint')}
                onChange={(value) => setLine(index, { unitPrice: value, priceTouched: true })}
                errors={at(`${key}.unitPrice`)}
              />
              <TextField
                label={t('field.discount')}
                value={line.discount}
                onChange={(value) => setLine(index, { discount: value })}
                errors={at(`${key}.discount`)}
              />
              <p className="order-line-total" aria-live="polite">
                {t('create.lineTotal')}:{' '}
                <output aria-label={t('create.lineTotalOf', { number: index + 1 })}>
                  {total !== null
                    ? formatAmount({ amount: total, currency: values.currency }, lang)
                    : '—'}
                </output>
              </p>
              {values.lines.length > 1 ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() =>
                    setValues((c) => ({ ...c, lines: c.lines.filter((_, i) => i !== index) }))
                  }
                >
                  {t('create.removeLine', { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          )
        })}
        <p className="order-total">
          {t('field.total')}:{' '}
          <output aria-label={t('create.orderTotal')}>
            {formatAmount({ amount: orderTotal(values.lines), currency: values.currency }, lang)}
          </output>
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => setValues((c) => ({ ...c, lines: [...c.lines, emptyOrderLine()] }))}
          >
            {t('create.addLine')}
          </button>
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('create.submit')}
          </button>
          <Link to="/orders" className="button">
            {t('common.cancel', { ns: 'translation' })}
          </Link>
        </div>
      </form>
    </section>
  )
}
