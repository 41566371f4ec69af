import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError, emptyReason } from '../../../components/status'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { formatNumber } from '../../../lib/format'
import { useAssignableUsers } from '../api/users'
import { useCustomerPages } from '../hooks/use-customer-pages'
import { ORDER_DIRECTIONS, ORDER_FIELDS } from '../utils/enums'
import {
  MIN_SEARCH_LENGTH,
  defaultListParams,
  hasFilters,
  readListParams,
  toCustomerListVariables,
  writeListParams,
  type ListParams,
  type TextParams,
} from '../utils/list-params'
import { CustomerFilters } from './customer-filters'
import { CustomerResults } from './customer-results'

/** Typing pauses this long before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 250

const textOf = ({ search, region, industry, tag }: ListParams): TextParams => ({
  search,
  region,
  industry,
  tag,
})

/** /customers: search, filters, sort, and the customers in an endless, virtualized table. */
export function CustomerList() {
  const { t, i18n } = useTranslation()
  const searchId = useId()
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => readListParams(searchParams), [searchParams])
  const { users } = useAssignableUsers()

  // Text inputs answer at once; the list follows SEARCH_DEBOUNCE_MS after the last keystroke.
  const [text, setText] = useState<TextParams>(() => textOf(params))
  const debouncedText = useDebouncedValue(text, SEARCH_DEBOUNCE_MS)

  const update = useCallback(
    (next: Partial<ListParams>) =>
      setSearchParams((current) => writeListParams({ ...readListParams(current), ...next }), {
        replace: true,
      }),
    [setSearchParams],
  )
  // What the list last wrote to the address bar; anything else there came from outside (a link,
  // back/forward) and replaces what the inputs show.
  const written = useRef(JSON.stringify(textOf(params)))
  const applied = useRef(debouncedText)
  useEffect(() => {
    // `update` changes with every address; only a new debounced text is written.
    if (applied.current === debouncedText) return
    applied.current = debouncedText
    written.current = JSON.stringify(debouncedText)
    update(debouncedText)
  }, [debouncedText, update])
  const addressText = JSON.stringify(textOf(params))
  useEffect(() => {
    if (addressText !== written.current) {
      written.current = addressText
      setText(JSON.parse(addressText) as TextParams)
    }
  }, [addressText])

  const variables = useMemo(() => toCustomerListVariables(params), [params])
  const pages = useCustomerPages(variables)

  const clear = () => {
    const cleared = { ...defaultListParams, sort: params.sort, direction: params.direction }
    setText(textOf(cleared))
    update(cleared)
  }
  const searchTooShort =
    text.search.trim().length > 0 && text.search.trim().length < MIN_SEARCH_LENGTH

  return (
    <div className="customer-list">
      <header className="page-header">
        <div>
          <h1>{t('customers.list.title')}</h1>
          <p className="page-subtitle" aria-live="polite">
            {pages.totalCount !== null && !pages.fetching
              ? t('customers.list.total', { count: formatNumber(pages.totalCount, i18n.language) })
              : '\u00a0'}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button button-primary" to="/customers/new">
            + {t('customers.list.new')}
          </Link>
        </div>
      </header>

      <div className="list-layout">
        <CustomerFilters
          params={params}
          onChange={update}
          text={text}
          onTextChange={(next) => setText((previous) => ({ ...previous, ...next }))}
          users={users}
          onClear={clear}
          canClear={hasFilters(params) || hasFilters({ ...params, ...text })}
        />

        <section className="list-main" aria-label={t('customers.list.results')}>
          <div className="toolbar">
            <div className="field field-search">
              <label htmlFor={searchId}>{t('customers.list.search')}</label>
              <input
                id={searchId}
                type="search"
                value={text.search}
                placeholder={t('customers.list.searchPlaceholder')}
                aria-describedby={searchTooShort ? `${searchId}-hint` : undefined}
                onChange={(event) =>
                  setText((previous) => ({ ...previous, search: event.target.value }))
                }
              />
              {searchTooShort ? (
                <p id={`${searchId}-hint`} className="field-hint">
                  {t('customers.list.searchTooShort')}
                </p>
              ) : null}
            </div>
            <SelectField
              label={t('customers.list.sortBy')}
              value={params.sort}
              onChange={(sort) => sort && update({ sort })}
              options={ORDER_FIELDS.map((field) => ({
                value: field,
                label: t(`customers.list.sort.${field}`),
              }))}
            />
            <SelectField
              label={t('customers.list.direction')}
              value={params.direction}
              onChange={(direction) => direction && update({ direction })}
              options={ORDER_DIRECTIONS.map((direction) => ({
                value: direction,
                label: t(`customers.list.dir.${direction}`),
              }))}
            />
          </div>

          {pages.error && pages.rows.length === 0 ? (
            <QueryError
              error={pages.error}
              title={t('customers.list.error')}
              onRetry={pages.retry}
            />
          ) : pages.fetching && pages.rows.length === 0 ? (
            <Loading />
          ) : pages.rows.length === 0 ? (
            <EmptyState
              reason={emptyReason(variables.filter.search, hasFilters({ ...params, search: '' }))}
              texts={{
                search: t('customers.list.empty.search', { query: variables.filter.search }),
                filters: t('customers.list.empty.filters'),
                none: t('customers.list.empty.none'),
              }}
            >
              <p>{t('customers.list.emptyHint')}</p>
            </EmptyState>
          ) : (
            <>
              <CustomerResults
                rows={pages.rows}
                totalCount={pages.totalCount}
                hasNextPage={pages.hasNextPage}
                fetching={pages.fetching}
                onLoadMore={pages.loadMore}
              />
              {pages.error ? (
                <QueryError
                  error={pages.error}
                  title={t('customers.list.error')}
                  onRetry={pages.retry}
                />
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  )
}
