import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { emptyReason } from '../../../lib/empty-reason'
import type { ProductKind } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { ProductListQuery } from '../api/products'
import { PRODUCT_KINDS } from '../utils/product-form'
import { ProductForm } from './product-form'
import '../products.css'
import { LoadMore } from '../../../components/load-more'

/** /products: the catalogue with search and kind filter; admins add products. */
export function ProductsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('products')
  const navigate = useNavigate()
  const searchId = useId()
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<ProductKind | ''>('')
  const [includeRetired, setIncludeRetired] = useState(false)
  const [creating, setCreating] = useState(false)
  const debounced = useDebouncedValue(search.trim(), 250)
  const pages = useConnectionPages(
    ProductListQuery,
    { search: debounced || null, kind: kind || null, includeRetired, first: 50 },
    (data) => data.products,
  )

  return (
    <section className="page" aria-labelledby="products-title">
      <header className="page-header">
        <div>
          <h1 id="products-title">{t('list.title')}</h1>
          <p className="page-subtitle">{canEdit ? t('list.subtitle') : t('list.readOnly')}</p>
        </div>
        {canEdit && !creating ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              {t('list.new')}
            </button>
          </div>
        ) : null}
      </header>
      {creating ? (
        <ProductForm
          onCancel={() => setCreating(false)}
          onSaved={(product) => navigate(`/products/${encodeURIComponent(product.id)}`)}
        />
      ) : null}
      <div className="toolbar">
        <div className="field field-search">
          <label htmlFor={searchId}>{t('list.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={t('list.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <SelectField<ProductKind>
          label={t('list.kind')}
          value={kind}
          onChange={setKind}
          emptyLabel={t('list.allKinds')}
          options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeRetired}
            onChange={(event) => setIncludeRetired(event.target.checked)}
          />
          {t('list.includeRetired')}
        </label>
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState
          reason={emptyReason(debounced, kind !== '')}
          texts={{
            search: t('list.empty.search', { query: debounced }),
            filters: t('list.empty.filters'),
            none: t('list.empty.none'),
          }}
        />
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.code')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.kind')}</th>
                <th scope="col">{t('field.licenseModel')}</th>
                <th scope="col">{t('list.editions')}</th>
                <th scope="col">{t('field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.rows.map((product) => (
                <tr key={product.id} className={product.active ? '' : 'product-retired'}>
                  <th scope="row">
                    <Link to={`/products/${encodeURIComponent(product.id)}`}>{product.code}</Link>
                  </th>
                  <td>{product.name}</td>
                  <td>{t(`kind.${product.kind}`)}</td>
                  <td>{t(`licenseModel.${product.licenseModel}`)}</td>
                  <td>{product.editions.map((e) => e.code).join(', ')}</td>
                  <td>
                    <span className="badge">
                      {product.active ? t('state.active') : t('state.retired')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore pages={pages} label={t('list.loadMore')} busyLabel={t('list.loadingMore')} />
        </div>
      )}
    </section>
  )
}
