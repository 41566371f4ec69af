import { Fragment, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../../components/load-more'
import { Loading, QueryError } from '../../../components/status'
import type {
  AuditEntriesQuery as AuditEntriesResult,
  AuditFilter,
  AuditKind,
} from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { formatDateTime } from '../../../lib/format'
import { AuditEntriesQuery } from '../api/audit'
import { formatValue } from '../utils/format-value'
import { ChangeDiff } from './change-diff'
import '../audit.css'

const PAGE_SIZE = 50

const KINDS: readonly AuditKind[] = ['CHANGE', 'LOGIN', 'TOKEN_REFUSED', 'ACCESS_DENIED']

type Draft = { record: string; actor: string; from: string; to: string; kind: AuditKind | '' }

const EMPTY: Draft = { record: '', actor: '', from: '', to: '', kind: '' }

/** A `datetime-local` value (the browser's time zone) as an instant, or nothing when empty. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined)

const toFilter = (draft: Draft): AuditFilter => ({
  record: draft.record.trim() || undefined,
  actor: draft.actor.trim() || undefined,
  from: instant(draft.from),
  to: instant(draft.to),
  kinds: draft.kind ? [draft.kind] : undefined,
})

/** What a login, refusal or denial was about: the refusal's reason, or the kind of object denied. */
const summary = (detail: unknown) => {
  const fields = detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {}
  return formatValue(fields.reason ?? fields.subject ?? null)
}

const pickEntries = (data: AuditEntriesResult) => data.auditEntries

/** /settings/audit: who changed what and when, logins, refused tokens and denials, for admins. */
export function AuditPage() {
  const { t, i18n } = useTranslation('audit')
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [filter, setFilter] = useState<AuditFilter>({})
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const pages = useConnectionPages(AuditEntriesQuery, { filter, first: PAGE_SIZE }, pickEntries)

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setFilter(toFilter(draft))
  }
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  })

  return (
    <div className="page audit-page">
      <header className="page-header">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="page-subtitle">{t('page.subtitle')}</p>
        </div>
      </header>
      <form className="card audit-filter" onSubmit={apply} aria-label={t('filter.label')}>
        <label>
          {t('filter.record')}
          <input type="text" placeholder={t('filter.recordHint')} {...field('record')} />
        </label>
        <label>
          {t('filter.actor')}
          <input type="text" placeholder={t('filter.actorHint')} {...field('actor')} />
        </label>
        <label>
          {t('filter.from')}
          <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          {t('filter.to')}
          <input type="datetime-local" {...field('to')} />
        </label>
        <label>
          {t('filter.kind')}
          <select {...field('kind')}>
            <option value="">{t('filter.allKinds')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="audit-filter-actions">
          <button type="submit" className="button button-primary">
            {t('filter.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(EMPTY)
              setFilter({})
            }}
          >
            {t('filter.clear')}
          </button>
        </div>
      </form>
      {pages.error ? (
        <QueryError error={pages.error} title={t('page.loadError')} onRetry={pages.retry} />
      ) : null}
      {pages.rows.length === 0 ? (
        pages.fetching ? (
          <Loading />
        ) : pages.error ? null : (
          <p className="muted">{t('page.empty')}</p>
        )
      ) : (
        <div className="table-scroll">
          <table className="table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('column.at')}</th>
                <th scope="col">{t('column.kind')}</th>
                <th scope="col">{t('column.who')}</th>
                <th scope="col">{t('column.operation')}</th>
                <th scope="col">{t('column.what')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('column.details')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.rows.map((entry) => {
                const expanded = open.has(entry.id)
                return (
                  <Fragment key={entry.id}>
                    <tr data-kind={entry.kind}>
                      <td>{formatDateTime(entry.at, i18n.language)}</td>
                      <td>
                        {t(`kind.${entry.kind}`)}
                        {entry.count > 1 ? ` ×${entry.count}` : ''}
                      </td>
                      <td>
                        {entry.actorName ?? entry.actorSubject ?? '—'}
                        {entry.actorName && entry.actorSubject ? (
                          <span className="muted"> ({entry.actorSubject})</span>
                        ) : null}
                        {entry.clientId ? <div className="muted">{entry.clientId}</div> : null}
                      </td>
                      <td>
                        {entry.operation ?? '—'}
                        {entry.requestId ? <div className="muted">{entry.requestId}</div> : null}
                      </td>
                      <td>
                        {entry.recordType ? (
                          <>
                            {entry.change ? `${t(`change.${entry.change}`)} ` : ''}
                            <code>{entry.recordType}</code>
                            <div className="muted">
                              <code>{entry.recordId ?? entry.recordKey}</code>
                            </div>
                          </>
                        ) : (
                          summary(entry.detail)
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-expanded={expanded}
                          onClick={() => toggle(entry.id)}
                        >
                          {expanded ? t('row.hide') : t('row.show')}
                        </button>
                      </td>
                    </tr>
                    {expanded ? (
                      <tr className="audit-details">
                        <td colSpan={6}>
                          {entry.kind === 'CHANGE' ? (
                            <ChangeDiff changes={entry.changes} />
                          ) : (
                            <pre className="audit-detail">
                              {JSON.stringify(entry.detail, null, 2)}
                            </pre>
                          )}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} label={t('page.loadMore')} busyLabel={t('page.loadingMore')} />
    </div>
  )
}
