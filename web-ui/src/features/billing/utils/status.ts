import type { InvoicePaymentStatus, PlannedPaymentStatus } from '../../../gql/graphql'

/** How a status looks: the colour always comes with the status's name (never colour alone). */
export type Tone = 'neutral' | 'info' | 'warning' | 'danger' | 'success' | 'muted'

const PLANNED_TONE: Record<PlannedPaymentStatus, Tone> = {
  PLANNED: 'neutral',
  DUE: 'warning',
  PARTLY_PAID: 'info',
  OVERDUE: 'danger',
  PAID: 'success',
  WRITTEN_OFF: 'muted',
}

const INVOICE_TONE: Record<InvoicePaymentStatus, Tone> = {
  UNPAID: 'warning',
  PARTLY_PAID: 'info',
  PAID: 'success',
}

export const plannedPaymentTone = (status: PlannedPaymentStatus): Tone => PLANNED_TONE[status]

export const invoicePaymentTone = (status: InvoicePaymentStatus): Tone => INVOICE_TONE[status]

export const toneClass = (tone: Tone) => `badge badge-tone-${tone}`
