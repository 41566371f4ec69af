import { useTranslation } from 'react-i18next'
import type { LicenseStatus } from '../../../gql/graphql'

/** A license's status as a coloured badge. */
export function LicenseStatusBadge({ status }: { status: LicenseStatus }) {
  const { t } = useTranslation('licenses')
  return <span className={`badge license-status-${status}`}>{t(`status.${status}`)}</span>
}
