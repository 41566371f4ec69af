import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SelectField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { emptyReason } from '../../../lib/empty-reason'
import type { LicenseStatus } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { formatDate } from '../../../lib/format'
import { LicenseListQuery } from '../api/licenses'
import { LicenseStatusBadge } from './status-badge'
import { graphql, useFragment } from '../../../gql'
import '../licenses.css'
import { useVirtualRows } from '../../../hooks/use-virtual-rows'
import type { LicenseRowFieldsFragment } from '../../../gql/graphql'

const LicenseRowFields = graphql(`
  fragment LicenseRowFields on License {
    id
    serial
    name
    seats
    status
    startsOn
    endsOn
    issuedAt
    customer {
      id
      name
    }
    key {
      id
      keyNumber
    }
  }
`)

/** Typing pauses this long before the registry is asked again. */
export const LICENSE_SEARCH_DELAY_MS = 250

const PAGE_SIZE = 50
/** A row of one line; longer names wrap and the row is measured. */
const ROW_HEIGHT = 41
const COLUMNS = 7

const STATUSES: readonly LicenseStatus[] = ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'REVOKED']

/** /licenses: the registry, searched as you type (serial, key number, customer) and by status. */
export function LicensesPage() {
  const { t } = useTranslation('licenses')
  const searchId = useId()
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<LicenseStatus | ''>('')
  const debounced = useDebouncedValue(search.trim(), LICENSE_SEARCH_DELAY_MS)
  const pages = useConnectionPages(
    LicenseListQuery,
    { search: debounced || null, status: status || null, first: PAGE_SIZE },
    (data) => data.licenses,
  )
  const licenses = useFragment(LicenseRowFields, pages.rows)

  return (
    <section className="page license-registry" aria-labelledby="licenses-title">
      <header className="page-header">
        <div>
          <h1 id="licenses-title">{t('list.title')}</h1>
          <p className="page-subtitle">{t('list.subtitle')}</p>
        </div>
        <div className="page-actions">
          <Link to="/licenses/verify" className="button">
            {t('list.verifyLink')}
          </Link>
        </div>
      </header>
      <div className="toolbar">
        <div className="field field-search">
          <label htmlFor={searchId}>{t('list.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('list.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <SelectField<LicenseStatus>
          label={t('list.status')}
          value={status}
          onChange={setStatus}
          emptyLabel={t('list.allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      {pages.error ? <QueryError error={pages.error} onRetry={pages.reload} /> : null}
      {pages.fetching && pages.rows.length === 0 ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState
          reason={emptyReason(debounced, status !== '')}
          texts={{
            search: t('list.empty.search', { query: debounced }),
            filters: t('list.empty.filters'),
            none: t('list.empty.none'),
          }}
        />
      ) : (
        <LicenseTable
          licenses={licenses}
          hasNextPage={pages.hasNextPage}
          fetching={pages.fetching}
          onLoadMore={pages.loadMore}
        />
      )}
    </section>
  )
}

/**
 * The registry as a table that renders only the rows in view (plus a few): the DOM stays small
 * however many pages were loaded. Spacer rows above and below stand for the rest, so the table
 * keeps its native semantics and its sticky header; the next page loads near the end.
 */
function LicenseTable({
  licenses,
  hasNextPage,
  fetching,
  onLoadMore,
}: {
  licenses: readonly LicenseRowFieldsFragment[]
  hasNextPage: boolean
  fetching: boolean
  onLoadMore: () => void
}) {
  const { t, i18n } = useTranslation('licenses')
  const lang = i18n.language
  const { scrollRef, virtualizer, items } = useVirtualRows({
    count: licenses.length,
    estimateSize: ROW_HEIGHT,
    getItemKey: (index) => licenses[index]!.id,
    hasNextPage,
    fetching,
    onLoadMore,
  })
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div ref={scrollRef} className="card license-scroll" aria-busy={fetching}>
      <table className="table table-sticky" aria-rowcount={hasNextPage ? -1 : licenses.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('field.serial')}</th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.customer')}</th>
            <th scope="col">{t('field.key')}</th>
            <th scope="col" className="number">
              {t('field.seats')}
            </th>
            <th scope="col">{t('field.endsOn')}</th>
            <th scope="col">{t('field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <SpacerRow height={before} /> : null}
          {items.map((item) => {
            const license = licenses[item.index]
            if (!license) {
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="table-loader"
                >
                  <td colSpan={COLUMNS}>{t('list.loadingMore')}</td>
                </tr>
              )
            }
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <th scope="row">
                  <Link to={`/licenses/${encodeURIComponent(license.id)}`}>
                    <code className="serial">{license.serial}</code>
                  </Link>
                </th>
                <td>{license.name}</td>
                <td>
                  <Link to={`/customers/${encodeURIComponent(license.customer.id)}`}>
                    {license.customer.name}
                  </Link>
                </td>
                <td>
                  {license.key ? (
                    <Link to={`/keys/${encodeURIComponent(license.key.id)}`}>
                      {license.key.keyNumber}
                    </Link>
                  ) : null}
                </td>
                <td className="number">{license.seats}</td>
                <td>{license.endsOn ? formatDate(license.endsOn, lang) : t('field.perpetual')}</td>
                <td>
                  <LicenseStatusBadge status={license.status} />
                </td>
              </tr>
            )
          })}
          {after > 0 ? <SpacerRow height={after} /> : null}
        </tbody>
      </table>
    </div>
  )
}

/** Stands for the rows not rendered, so the scroll bar is as long as the whole list. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="table-spacer">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  )
}
