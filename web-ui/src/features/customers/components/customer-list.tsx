import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { emptyReason } from '../../../lib/empty-reason'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { formatNumber } from '../../../lib/format'
import { CustomerListQuery } from '../api/customers'
import { useAssignableUsers } from '../api/users'
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
import { useCan } from '../../../lib/permissions'

/** Typing pauses this long before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 250
const PAGE_SIZE = 50

const textOf = ({ search, region, industry, tag }: ListParams): TextParams => ({
  search,
  region,
  industry,
  tag,
})

/** /customers: search, filters, sort, and the customers in an endless, virtualized table. */
export function CustomerList() {
  const { t, i18n } = useTranslation('customers')
  const can = useCan()
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
  const pages = useConnectionPages(
    CustomerListQuery,
    { ...variables, first: PAGE_SIZE, withTotal: true },
    (data) => data.customers,
    { pageVariables: (after) => ({ withTotal: after === null }) },
  )
  const totalCount = pages.firstPage?.totalCount ?? null

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
          <h1>{t('list.title')}</h1>
          <p className="page-subtitle" aria-live="polite">
            {totalCount !== null && !pages.fetching
              ? t('list.total', { count: formatNumber(totalCount, i18n.language) })
              : '\u00a0'}
          </p>
        </div>
        {can('CREATE', 'CUSTOMER') ? (
          <div className="page-actions">
            <Link className="button button-primary" to="/customers/new">
              + {t('list.new')}
            </Link>
          </div>
        ) : null}
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

        <section className="list-main" aria-label={t('list.results')}>
          <div className="toolbar">
            <div className="field field-search">
              <label htmlFor={searchId}>{t('list.search')}</label>
              <input
                id={searchId}
                type="search"
                value={text.search}
                placeholder={t('list.searchPlaceholder')}
                aria-describedby={searchTooShort ? `${searchId}-hint` : undefined}
                onChange={(event) =>
                  setText((previous) => ({ ...previous, search: event.target.value }))
                }
              />
              {searchTooShort ? (
                <p id={`${searchId}-hint`} className="field-hint">
                  {t('list.searchTooShort')}
                </p>
              ) : null}
            </div>
            <SelectField
              label={t('list.sortBy')}
              value={params.sort}
              onChange={(sort) => sort && update({ sort })}
              options={ORDER_FIELDS.map((field) => ({
                value: field,
                label: t(`list.sort.${field}`),
              }))}
            />
            <SelectField
              label={t('list.direction')}
              value={params.direction}
              onChange={(direction) => direction && update({ direction })}
              options={ORDER_DIRECTIONS.map((direction) => ({
                value: direction,
                label: t(`list.dir.${direction}`),
              }))}
            />
          </div>

          {pages.error && pages.rows.length === 0 ? (
            <QueryError error={pages.error} title={t('list.error')} onRetry={pages.retry} />
          ) : pages.fetching && pages.rows.length === 0 ? (
            <Loading />
          ) : pages.rows.length === 0 ? (
            <EmptyState
              reason={emptyReason(variables.filter.search, hasFilters({ ...params, search: '' }))}
              texts={{
                search: t('list.empty.search', { query: variables.filter.search }),
                filters: t('list.empty.filters'),
                none: t('list.empty.none'),
              }}
            >
              <p>{t('list.emptyHint')}</p>
            </EmptyState>
          ) : (
            <>
              <CustomerResults
                rows={pages.rows}
                totalCount={totalCount}
                hasNextPage={pages.hasNextPage}
                fetching={pages.fetching}
                onLoadMore={pages.loadMore}
              />
              {pages.error ? (
                <QueryError error={pages.error} title={t('list.error')} onRetry={pages.retry} />
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  )
}
