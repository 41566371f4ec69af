import { useTranslation } from 'react-i18next'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'

/** "Reload" beside errors that say the contract changed meanwhile (`STALE_VERSION`). */
export function ReloadWhenStale({
  errors,
  onReload,
}: {
  errors: readonly UserErrorLike[]
  onReload: () => void
}) {
  const { t } = useTranslation('contracts')
  if (!hasCode(errors, 'STALE_VERSION')) return null
  return (
    <button type="button" className="button" onClick={onReload}>
      {t('detail.reload')}
    </button>
  )
}
