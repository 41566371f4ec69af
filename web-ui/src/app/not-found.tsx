import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../components/status'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('errors.notFoundTitle')}</h1>
      <EmptyState title={t('errors.notFoundText')}>
        <Link to="/customers">{t('shell.customers')}</Link>
      </EmptyState>
    </div>
  )
}
