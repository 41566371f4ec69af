import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import type { EmptyReason } from '../lib/empty-reason'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  )
}

/** A failed query: network trouble or a GraphQL error, with a way to try again. */
export function QueryError({
  error,
  title,
  onRetry,
}: {
  error: CombinedError
  title?: string
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  const message = error.networkError
    ? t('errors.network')
    : t('errors.generic', { message: error.graphQLErrors.map((e) => e.message).join('; ') })
  return (
    <div role="alert" className="alert alert-error">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  )
}

/**
 * An empty list, saying why: either a fixed `title`, or a `reason` and the list's own text for
 * each reason it can have (the search text names what was searched for).
 */
export function EmptyState({
  children,
  ...says
}: (
  | { title: string }
  | { reason: EmptyReason; texts: { none: string } & Partial<Record<EmptyReason, string>> }
) & {
  children?: ReactNode
}) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">
        {'title' in says ? says.title : (says.texts[says.reason] ?? says.texts.none)}
      </p>
      {children}
    </div>
  )
}
