import { useTranslation } from 'react-i18next'
import type { CustomerStatus } from '../../../gql/graphql'

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation('customers')
  return (
    <span className={`badge badge-status-${status.toLowerCase()}`}>
      {t(`customer.status.${status}`)}
    </span>
  )
}
