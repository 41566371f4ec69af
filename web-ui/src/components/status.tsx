import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'

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

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  )
}
