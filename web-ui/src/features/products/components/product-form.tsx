import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { ProductFieldsFragment, ProductKind } from '../../../gql/graphql'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreateProductMutation, UpdateProductMutation } from '../api/products'
import {
  LICENSE_MODELS,
  PRODUCT_KINDS,
  SEAT_BASES,
  TERM_MODELS,
  checkProductValues,
  emptyEdition,
  emptyPrice,
  emptyProduct,
  productFieldKeys,
  productValues,
  toCreateProductInput,
  toUpdateProductInput,
  type EditionValues,
  type PriceValues,
  type ProductValues,
} from '../utils/product-form'

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CNY', 'RUB', 'CHF', 'PLN']

/** Create (without `product`) or edit a product with its editions and prices. */
export function ProductForm({
  product,
  onCancel,
  onSaved,
  onReload,
}: {
  product?: ProductFieldsFragment
  onCancel: () => void
  onSaved: (product: { id: string }) => void
  onReload?: () => void
}) {
  const { t } = useTranslation('products')
  const creating = !product
  const [created, create] = useMutation(CreateProductMutation)
  const [updated, update] = useMutation(UpdateProductMutation)
  const [values, setValues] = useState<ProductValues>(() =>
    product ? productValues(product) : emptyProduct(),
  )
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, productFieldKeys(values))
  const at = (key: string) => mapped.byField[key]
  const set = <K extends keyof ProductValues>(key: K, value: ProductValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))
  const setEdition = (index: number, patch: Partial<EditionValues>) =>
    set(
      'editions',
      values.editions.map((e, i) => (i === index ? { ...e, ...patch } : e)),
    )
  const setPrice = (index: number, patch: Partial<PriceValues>) =>
    set(
      'prices',
      values.prices.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    )
  const program = values.kind === 'PROGRAM'
  const editionOptions = values.editions
    .filter((e) => e.code.trim())
    .map((e) => ({ value: e.code.trim().toUpperCase(), label: e.name || e.code }))

  const submit = async () => {
    const local = checkProductValues(values, creating)
    setErrors(local)
    if (local.length > 0) return
    if (creating) {
      const payload = (await create({ input: toCreateProductInput(values) })).data?.createProduct
      if (!payload) return
      setErrors(payload.userErrors)
      if (payload.product && payload.userErrors.length === 0) onSaved(payload.product)
    } else {
      const payload = (await update({ input: toUpdateProductInput(product, values) })).data
        ?.updateProduct
      if (!payload) return
      setErrors(payload.userErrors)
      if (payload.product && payload.userErrors.length === 0) onSaved(payload.product)
    }
  }

  const title = creating ? t('form.newTitle') : t('form.editTitle', { code: product.code })
  const error = created.error ?? updated.error

  return (
    <section className="card" aria-labelledby="product-form-title">
      <h2 id="product-form-title">{title}</h2>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={mapped.general} title={t('form.problems')}>
        {hasCode(errors, 'STALE_VERSION') && onReload ? (
          <>
            <p>{t('form.staleVersion')}</p>
            <button type="button" className="button" onClick={onReload}>
              {t('form.reload')}
            </button>
          </>
        ) : null}
      </FormErrors>
      <form
        noValidate
        aria-label={title}
        className="product-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <div className="product-form-grid">
          {creating ? (
            <TextField
              label={t('field.code')}
              required
              value={values.code}
              onChange={(value) => set('code', value.toUpperCase())}
              maxLength={40}
              placeholder="DD-CRM"
              errors={at('code')}
            />
          ) : null}
          <TextField
            label={t('field.name')}
            required
            value={values.name}
            onChange={(value) => set('name', value)}
            maxLength={200}
            errors={at('name')}
          />
          {creating ? (
            <SelectField<ProductKind>
              label={t('field.kind')}
              value={values.kind}
              onChange={(value) => set('kind', value || 'PROGRAM')}
              options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              errors={at('kind')}
            />
          ) : null}
          {program ? (
            <>
              <SelectField
                label={t('field.licenseModel')}
                value={values.licenseModel}
                onChange={(value) => set('licenseModel', value || 'PERPETUAL')}
                options={LICENSE_MODELS.filter((m) => m !== 'NONE').map((m) => ({
                  value: m,
                  label: t(`licenseModel.${m}`),
                }))}
                errors={at('licenseModel')}
              />
              {TERM_MODELS.includes(values.licenseModel) ? (
                <TextField
                  label={t('field.termMonths')}
                  required
                  value={values.termMonths}
                  onChange={(value) => set('termMonths', value)}
                  errors={at('termMonths')}
                />
              ) : null}
              <SelectField
                label={t('field.seatBasis')}
                value={values.seatBasis}
                onChange={(value) => set('seatBasis', value || 'PER_SEAT')}
                options={SEAT_BASES.map((b) => ({ value: b, label: t(`seatBasis.${b}`) }))}
                errors={at('seatBasis')}
              />
            </>
          ) : null}
        </div>
        <TextField
          label={t('field.description')}
          multiline
          value={values.description}
          onChange={(value) => set('description', value)}
          errors={at('description')}
        />

        <fieldset className="form-section">
          <legend>{t('editions.title')}</legend>
          <FormErrors errors={at('editions') ?? []} />
          {values.editions.length === 0 ? <p className="muted">{t('editions.none')}</p> : null}
          {values.editions.map((edition, index) => (
            <div
              key={index}
              className="product-row"
              role="group"
              aria-label={t('editions.edition', { number: index + 1 })}
            >
              <TextField
                label={t('editions.code')}
                required
                value={edition.code}
                onChange={(value) => setEdition(index, { code: value.toUpperCase() })}
                maxLength={20}
                errors={at(`editions.${index}.code`)}
              />
              <TextField
                label={t('editions.name')}
                required
                value={edition.name}
                onChange={(value) => setEdition(index, { name: value })}
                maxLength={100}
                errors={at(`editions.${index}.name`)}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={edition.active}
                  onChange={(event) => setEdition(index, { active: event.target.checked })}
                />
                {t('editions.active')}
              </label>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  set(
                    'editions',
                    values.editions.filter((_, i) => i !== index),
                  )
                }
              >
                {t('editions.remove', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set('editions', [...values.editions, emptyEdition()])}
          >
            {t('editions.add')}
          </button>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('prices.title')}</legend>
          <FormErrors errors={at('prices') ?? []} />
          {values.prices.length === 0 ? <p className="muted">{t('prices.none')}</p> : null}
          {values.prices.map((price, index) => (
            <div
              key={index}
              className="product-row"
              role="group"
              aria-label={t('prices.price', { number: index + 1 })}
            >
              <SelectField
                label={t('prices.edition')}
                value={price.editionCode}
                onChange={(value) => setPrice(index, { editionCode: value })}
                emptyLabel={t('prices.productPrice')}
                options={editionOptions}
                errors={at(`prices.${index}.editionCode`)}
              />
              <TextField
                label={t('prices.tier')}
                value={price.tier}
                onChange={(value) => setPrice(index, { tier: value })}
                placeholder={t('prices.listPrice')}
                maxLength={40}
                errors={at(`prices.${index}.tier`)}
              />
              <SelectField
                label={t('prices.currency')}
                value={price.currency}
                onChange={(value) => setPrice(index, { currency: value || 'EUR' })}
                options={[...new Set([...CURRENCIES, price.currency])].map((c) => ({
                  value: c,
                  label: c,
                }))}
                errors={at(`prices.${index}.unitPrice.currency`)}
              />
              <TextField
                label={t('prices.unitPrice')}
                required
                value={price.unitPrice}
                onChange={(value) => setPrice(index, { unitPrice: value })}
                placeholder="100.00"
                errors={[
                  ...(at(`prices.${index}.unitPrice`) ?? []),
                  ...(at(`prices.${index}.unitPrice.amount`) ?? []),
                ]}
              />
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  set(
                    'prices',
                    values.prices.filter((_, i) => i !== index),
                  )
                }
              >
                {t('prices.remove', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              set('prices', [...values.prices, emptyPrice(values.prices[0]?.currency ?? 'EUR')])
            }
          >
            {t('prices.add')}
          </button>
        </fieldset>

        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={created.fetching || updated.fetching}
          >
            {creating ? t('form.create') : t('form.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
