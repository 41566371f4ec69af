import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { SelectField } from '../../../components/form-field'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { QuoteCatalogueQuery } from '../api/quotes'
import { cataloguePrice, type CatalogueProduct } from '../utils/quote-form'

/**
 * Picks a quote line's product and edition from the catalogue, searched as you type (from two
 * letters). Once picked it shows the product, its edition choice and whether the catalogue has a
 * price in the quote's currency; "Type freely" turns the line back into a typed one.
 */
export function QuoteLinePicker({
  lineNumber,
  currency,
  product,
  editionCode,
  initialSearch = '',
  onPick,
  onClear,
}: {
  lineNumber: number
  currency: string
  product: CatalogueProduct | null
  editionCode: string
  /** What to search for at first, e.g. the name a carried-over line came with. */
  initialSearch?: string
  onPick: (product: CatalogueProduct, editionCode: string) => void
  onClear: () => void
}) {
  const { t } = useTranslation('sales')
  const [search, setSearch] = useState(initialSearch)
  const term = useDebouncedValue(search.trim(), 300)
  const [found] = useQuery({
    query: QuoteCatalogueQuery,
    variables: { search: term },
    pause: product !== null || term.length < 2,
  })

  if (product) {
    const editions = product.editions.filter((e) => e.active || e.code === editionCode)
    const priced = cataloguePrice(product, editionCode, currency) !== null
    return (
      <div className="quote-line-product">
        <p>
          <span className="badge">{product.code}</span> {product.name}{' '}
          <button type="button" className="button button-small" onClick={onClear}>
            {t('quotes.typeFreely')}
          </button>
        </p>
        {editions.length > 0 ? (
          <SelectField
            label={t('quotes.edition')}
            value={editionCode}
            onChange={(code) => onPick(product, code)}
            emptyLabel={t('quotes.noEdition')}
            options={editions.map((e) => ({ value: e.code, label: e.name }))}
          />
        ) : null}
        {priced ? null : (
          <p className="field-hint" role="status">
            {t('quotes.noPrice', { currency })}
          </p>
        )}
      </div>
    )
  }

  const products = term.length >= 2 ? (found.data?.products.edges ?? []) : []
  const listId = `quote-line-${lineNumber}-products`
  return (
    <div className="quote-line-product">
      <label>
        {t('quotes.catalogue')}
        <input
          type="search"
          value={search}
          placeholder={t('quotes.cataloguePlaceholder')}
          aria-controls={listId}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <ul id={listId} className="quote-line-products" aria-label={t('quotes.catalogueResults')}>
        {products.map(({ node }) => (
          <li key={node.id}>
            <button
              type="button"
              className="button button-small"
              onClick={() => onPick(node, '')}
              aria-label={t('quotes.pickProduct', { name: node.name, line: lineNumber })}
            >
              <span className="badge">{node.code}</span> {node.name}
            </button>
          </li>
        ))}
        {term.length >= 2 && !found.fetching && found.data && products.length === 0 ? (
          <li className="muted">{t('quotes.noProducts')}</li>
        ) : null}
      </ul>
    </div>
  )
}
