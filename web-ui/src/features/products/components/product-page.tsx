import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { ProductFieldsFragment } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'
import { ProductQuery, ReactivateProductMutation, RetireProductMutation } from '../api/products'
import { ProductForm } from './product-form'
import { graphql, useFragment } from '../../../gql'
import '../products.css'

const ProductFields = graphql(`
  fragment ProductFields on Product {
    id
    code
    name
    description
    kind
    licenseModel
    termMonths
    seatBasis
    editions {
      code
      name
      active
    }
    prices {
      editionCode
      tier
      unitPrice {
        amount
        currency
      }
    }
    active
    version
    createdAt
    updatedAt
  }
`)

const REFRESH_ON_CHANGES = { additionalTypenames: ['Product'] }

function formatPrice(amount: string, currency: string, locale: string) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount))
  } catch {
    return `${amount} ${currency}`
  }
}

/** /products/:id: a product with its editions and prices; admins edit, retire and reactivate. */
export function ProductPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('products')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: ProductQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const product = useFragment(ProductFields, query.data?.product)
  if (query.fetching && !product) return <Loading />
  if (query.error && !product) return <QueryError error={query.error} onRetry={reload} />
  if (!product) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/products">{t('detail.back')}</Link>
      </EmptyState>
    )
  }
  return <ProductView key={product.version} product={product} canEdit={canEdit} onReload={reload} />
}

function ProductView({
  product,
  canEdit,
  onReload,
}: {
  product: ProductFieldsFragment
  canEdit: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('products')
  const lang = i18n.language
  const [editing, setEditing] = useState(false)
  const [retired, retire] = useMutation(RetireProductMutation)
  const [reactivated, reactivate] = useMutation(ReactivateProductMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const editionName = (code: string | null | undefined) =>
    code ? (product.editions.find((e) => e.code === code)?.name ?? code) : t('prices.productPrice')

  const changeState = async () => {
    setErrors([])
    const input = { id: product.id, expectedVersion: product.version }
    const response = product.active ? await retire({ input }) : await reactivate({ input })
    const data = response.data
    const payload = data
      ? 'retireProduct' in data
        ? data.retireProduct
        : 'reactivateProduct' in data
          ? data.reactivateProduct
          : undefined
      : undefined
    if (payload) setErrors(payload.userErrors)
  }

  return (
    <article className="page page-narrow" aria-labelledby="product-title">
      <p className="breadcrumb">
        <Link to="/products">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="product-title">
            {product.code} · {product.name}
          </h1>
          <p className="page-subtitle">
            <span className="badge">{t(`kind.${product.kind}`)}</span>
            <span className="badge">{product.active ? t('state.active') : t('state.retired')}</span>
          </p>
        </div>
        {canEdit && !editing ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('detail.edit')}
            </button>
            <button
              type="button"
              className={product.active ? 'button button-danger' : 'button'}
              title={product.active ? t('detail.retireHint') : undefined}
              disabled={retired.fetching || reactivated.fetching}
              onClick={() => void changeState()}
            >
              {product.active ? t('detail.retire') : t('detail.reactivate')}
            </button>
          </div>
        ) : null}
      </header>
      {retired.error || reactivated.error ? (
        <QueryError error={(retired.error ?? reactivated.error)!} />
      ) : null}
      <FormErrors errors={errors} title={t('detail.stateProblems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <button type="button" className="button" onClick={onReload}>
            {t('form.reload')}
          </button>
        ) : null}
      </FormErrors>
      {editing ? (
        <ProductForm
          product={product}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
          onReload={onReload}
        />
      ) : null}
      <section className="card" aria-labelledby="product-details">
        <h2 id="product-details">{t('detail.details')}</h2>
        <DetailList>
          <Detail label={t('field.licenseModel')}>
            {t(`licenseModel.${product.licenseModel}`)}
          </Detail>
          <Detail label={t('field.termMonths')}>{product.termMonths ?? none}</Detail>
          <Detail label={t('field.seatBasis')}>
            {product.seatBasis ? t(`seatBasis.${product.seatBasis}`) : none}
          </Detail>
          <Detail label={t('field.description')} className="preserve-lines">
            {product.description || none}
          </Detail>
          <Detail label={t('field.updatedAt')}>{formatDateTime(product.updatedAt, lang)}</Detail>
        </DetailList>
      </section>
      <section className="card" aria-labelledby="product-editions">
        <h2 id="product-editions">{t('editions.title')}</h2>
        {product.editions.length === 0 ? (
          <p className="muted">{t('editions.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('editions.code')}</th>
                <th scope="col">{t('editions.name')}</th>
                <th scope="col">{t('editions.active')}</th>
              </tr>
            </thead>
            <tbody>
              {product.editions.map((edition) => (
                <tr key={edition.code}>
                  <th scope="row">{edition.code}</th>
                  <td>{edition.name}</td>
                  <td>{edition.active ? '✓' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="product-prices">
        <h2 id="product-prices">{t('prices.title')}</h2>
        {product.prices.length === 0 ? (
          <p className="muted">{t('prices.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('prices.edition')}</th>
                <th scope="col">{t('prices.tier')}</th>
                <th scope="col">{t('prices.unitPrice')}</th>
              </tr>
            </thead>
            <tbody>
              {product.prices.map((price, index) => (
                <tr key={index}>
                  <td>{editionName(price.editionCode)}</td>
                  <td>{price.tier ?? t('prices.listPrice')}</td>
                  <td>{formatPrice(price.unitPrice.amount, price.unitPrice.currency, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  )
}
