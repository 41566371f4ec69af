import { useTranslation } from 'react-i18next'
import type { InvoicePaymentStatus, PlannedPaymentStatus } from '../../../gql/graphql'
import { invoicePaymentTone, plannedPaymentTone, toneClass } from '../utils/status'

/** A planned payment's status: its name on a coloured badge (the colour is never all it says). */
export function PlannedPaymentBadge({ status }: { status: PlannedPaymentStatus }) {
  const { t } = useTranslation('billing')
  return (
    <span className={toneClass(plannedPaymentTone(status))}>{t(`plannedStatus.${status}`)}</span>
  )
}

export function InvoicePaymentBadge({ status }: { status: InvoicePaymentStatus }) {
  const { t } = useTranslation('billing')
  return (
    <span className={toneClass(invoicePaymentTone(status))}>{t(`invoiceStatus.${status}`)}</span>
  )
}
