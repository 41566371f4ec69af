import { useTranslation } from 'react-i18next'
import type { PartnerStatus } from '../../../gql/graphql'

/** A partner's status as a coloured badge. */
export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = useTranslation('partners')
  return <span className={`badge partner-status-${status}`}>{t(`status.${status}`)}</span>
}
