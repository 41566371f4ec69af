import type {
  EventType,
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointFieldsFragment,
} from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'

/**
 * Every event type in the schema's order, which groups them by the kind of object (the generated
 * `EventType` object lists them alphabetically). The compiler checks that none is missing.
 */
export const EVENT_TYPES = [
  'CUSTOMER_CREATED',
  'CUSTOMER_UPDATED',
  'CUSTOMER_ARCHIVED',
  'CUSTOMER_RESTORED',
  'CONTACT_ADDED',
  'CONTACT_UPDATED',
  'CONTACT_REMOVED',
  'ACTIVITY_LOGGED',
  'ACTIVITY_UPDATED',
  'REMINDER_DUE',
  'REMINDER_COMPLETED',
  'REMINDER_SNOOZED',
  'MAIL_IMPORTED',
  'OPPORTUNITY_CREATED',
  'OPPORTUNITY_UPDATED',
  'OPPORTUNITY_STAGE_CHANGED',
  'OPPORTUNITY_LOST',
  'OPPORTUNITY_WON',
  'QUOTE_CREATED',
  'QUOTE_ACCEPTED',
  'QUOTE_DECLINED',
  'CAMPAIGN_CREATED',
  'CAMPAIGN_UPDATED',
  'PIPELINE_CREATED',
  'PIPELINE_UPDATED',
  'PRODUCT_CREATED',
  'PRODUCT_UPDATED',
  'PRODUCT_RETIRED',
  'PRODUCT_REACTIVATED',
  'ORDER_CREATED',
  'ORDER_UPDATED',
  'ORDER_CANCELLED',
  'ORDER_DELETED',
  'SHIPMENT_CREATED',
  'SHIPMENT_DELETED',
  'INVOICE_CREATED',
  'INVOICE_DELETED',
  'LICENSE_ISSUED',
  'LICENSE_RENEWED',
  'LICENSE_EXTENDED',
  'LICENSE_UPGRADED',
  'LICENSE_MOVED',
  'LICENSE_SUSPENDED',
  'LICENSE_RESUMED',
  'LICENSE_REVOKED',
  'LICENSE_EXPIRING',
  'PROTECTION_KEY_CREATED',
  'PROTECTION_KEY_REPLACED',
  'WEBHOOK_ENDPOINT_DISABLED',
  'CONTRACT_CREATED',
  'CONTRACT_UPDATED',
  'CONTRACT_STATUS_CHANGED',
  'CONTRACT_DELETED',
  'CONTRACT_DOCUMENT_ADDED',
  'CONTRACT_DOCUMENT_REMOVED',
  'CONTRACT_PLAN_CHANGED',
  'CONTRACT_WORK_ACCEPTED',
  'CONTRACT_STAGE_ACCEPTED',
  'PAYMENT_PLAN_CREATED',
  'PAYMENT_PLAN_RENEGOTIATED',
  'PLANNED_PAYMENT_SCHEDULED',
  'PLANNED_PAYMENT_OVERDUE',
  'PLANNED_PAYMENT_WRITTEN_OFF',
  'PAYMENT_RECORDED',
  'PAYMENT_ALLOCATED',
  'REFUND_RECORDED',
  'LICENSE_PAYMENT_PLAN_BOUND',
  'LICENSE_SHORTENED',
  'PARTNER_AGREEMENT_CREATED',
  'PARTNER_AGREEMENT_UPDATED',
  'PARTNER_CONVERTED_FROM_CUSTOMER',
  'DEAL_REGISTRATION_SUBMITTED',
  'DEAL_REGISTRATION_APPROVED',
  'DEAL_REGISTRATION_REJECTED',
  'DEAL_REGISTRATION_WITHDRAWN',
  'DEAL_REGISTRATION_EXPIRED',
  'PARTNER_ACCOUNT_OPENED',
  'PARTNER_ACCOUNT_UPDATED',
  'PARTNER_ACCOUNT_ENTRY_BOOKED',
  'PARTNER_CREATED',
  'PARTNER_UPDATED',
  'PARTNER_STATUS_CHANGED',
  'PARTNER_USER_INVITED',
] as const satisfies readonly EventType[]

// a type added to the schema and not to the list above fails to compile here
const everyTypeListed: Record<Exclude<EventType, (typeof EVENT_TYPES)[number]>, never> = {}
void everyTypeListed

export type WebhookFormValues = {
  url: string
  description: string
  /** Empty means every type. */
  eventTypes: EventType[]
  allowPrivateNetwork: boolean
}

export const emptyWebhookForm: WebhookFormValues = {
  url: '',
  description: '',
  eventTypes: [],
  allowPrivateNetwork: false,
}

export const WEBHOOK_FORM_FIELDS = ['url', 'description', 'eventTypes', 'allowPrivateNetwork']

export function formValuesOf(endpoint: WebhookEndpointFieldsFragment): WebhookFormValues {
  return {
    url: endpoint.url,
    description: endpoint.description ?? '',
    eventTypes: [...endpoint.eventTypes],
    allowPrivateNetwork: endpoint.allowPrivateNetwork,
  }
}

/**
 * What the browser can tell before sending: a URL is there and is an http(s) address. Whether
 * it may be plain http or point at a private network only the server knows (userErrors).
 */
export function validateWebhookForm(values: WebhookFormValues): UserErrorLike[] {
  const url = values.url.trim()
  if (!url) return [{ field: ['input', 'url'], code: 'REQUIRED', message: '' }]
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return [{ field: ['input', 'url'], code: 'INVALID_FORMAT', message: '' }]
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return [{ field: ['input', 'url'], code: 'INVALID_FORMAT', message: '' }]
  }
  return []
}

/** `allowPrivateNetwork` is sent by admins only: the API refuses it from anyone else. */
export function toCreateInput(
  values: WebhookFormValues,
  isAdmin: boolean,
): CreateWebhookEndpointInput {
  return {
    url: values.url.trim(),
    description: values.description.trim() || null,
    eventTypes: values.eventTypes,
    ...(isAdmin ? { allowPrivateNetwork: values.allowPrivateNetwork } : {}),
  }
}

/** Only what changed, with the version the form was opened on. */
export function toUpdateInput(
  values: WebhookFormValues,
  endpoint: WebhookEndpointFieldsFragment,
  isAdmin: boolean,
): UpdateWebhookEndpointInput {
  const before = formValuesOf(endpoint)
  const input: UpdateWebhookEndpointInput = { id: endpoint.id, expectedVersion: endpoint.version }
  if (values.url.trim() !== before.url) input.url = values.url.trim()
  if (values.description.trim() !== before.description) {
    input.description = values.description.trim()
  }
  if (values.eventTypes.join() !== before.eventTypes.join()) input.eventTypes = values.eventTypes
  if (isAdmin && values.allowPrivateNetwork !== before.allowPrivateNetwork) {
    input.allowPrivateNetwork = values.allowPrivateNetwork
  }
  return input
}

/** A whole number in `min..max`, or null when the text is not one. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const value = Number(text.trim())
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null
}
