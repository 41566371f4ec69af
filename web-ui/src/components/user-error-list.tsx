import { useTranslation } from 'react-i18next'
import type { UserErrorLike } from '../lib/user-errors'

/** Translated by `code`; the server's English message follows as a detail. */
export function UserErrorText({ error }: { error: UserErrorLike }) {
  const { t } = useTranslation()
  return (
    <>
      {t(`userErrors.${error.code}`)}
      {error.message ? (
        <>
          {' '}
          <span className="error-detail">{t('userErrors.detail', { message: error.message })}</span>
        </>
      ) : null}
    </>
  )
}

export function FieldErrors({ id, errors }: { id: string; errors?: readonly UserErrorLike[] }) {
  if (!errors || errors.length === 0) return null
  return (
    <ul id={id} className="field-errors">
      {errors.map((error, index) => (
        <li key={index}>
          <UserErrorText error={error} />
        </li>
      ))}
    </ul>
  )
}

/** Errors that belong to the whole form, shown above it. */
export function FormErrors({
  errors,
  title,
  children,
}: {
  errors: readonly UserErrorLike[]
  title?: string
  children?: React.ReactNode
}) {
  if (errors.length === 0 && !children) return null
  return (
    <div role="alert" className="alert alert-error" tabIndex={-1}>
      {title ? <p className="alert-title">{title}</p> : null}
      {errors.length > 0 ? (
        <ul>
          {errors.map((error, index) => (
            <li key={index}>
              <UserErrorText error={error} />
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  )
}
