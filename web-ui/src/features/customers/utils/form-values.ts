import type {
  CompanySize,
  ContactFieldsFragment,
  ContactInput,
  ContactRole,
  CreateCustomerInput,
  CustomerFieldsFragment,
  CustomerStatus,
  SourceChannel,
  UpdateContactInput,
  UpdateCustomerInput,
} from '../../../gql/graphql'

/** What the customer form edits: strings as typed, '' for "not set". */
export type CustomerFormValues = {
  name: string
  legalName: string
  taxId: string
  industry: string
  region: string
  size: CompanySize | ''
  status: CustomerStatus
  ownerId: string
  sharedWithIds: string[]
  /** Comma-separated, as typed. */
  tags: string
  sourceChannel: SourceChannel | ''
  /** The campaign that brought the customer in; '' for none. */
  sourceCampaignId: string
  website: string
  email: string
  phone: string
  address: string
  notes: string
}

export type ContactFormValues = {
  firstName: string
  lastName: string
  jobTitle: string
  roles: ContactRole[]
  emails: string[]
  phones: string[]
  notes: string
}

export const emptyCustomerValues: CustomerFormValues = {
  name: '',
  legalName: '',
  taxId: '',
  industry: '',
  region: '',
  size: '',
  status: 'PROSPECT',
  ownerId: '',
  sharedWithIds: [],
  tags: '',
  sourceChannel: '',
  sourceCampaignId: '',
  website: '',
  email: '',
  phone: '',
  address: '',
  notes: '',
}

export const emptyContactValues: ContactFormValues = {
  firstName: '',
  lastName: '',
  jobTitle: '',
  roles: [],
  emails: [],
  phones: [],
  notes: '',
}

export function customerToFormValues(customer: CustomerFieldsFragment): CustomerFormValues {
  return {
    name: customer.name,
    legalName: customer.legalName ?? '',
    taxId: customer.taxId ?? '',
    industry: customer.industry ?? '',
    region: customer.region ?? '',
    size: customer.size ?? '',
    status: customer.status,
    ownerId: customer.owner.id,
    sharedWithIds: customer.sharedWith.map((user) => user.id),
    tags: customer.tags.join(', '),
    sourceChannel: customer.sourceChannel ?? '',
    sourceCampaignId: customer.sourceCampaign?.id ?? '',
    website: customer.website ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    address: customer.address ?? '',
    notes: customer.notes ?? '',
  }
}

export function contactToFormValues(contact: ContactFieldsFragment): ContactFormValues {
  return {
    firstName: contact.firstName ?? '',
    lastName: contact.lastName,
    jobTitle: contact.jobTitle ?? '',
    roles: [...contact.roles],
    emails: [...contact.emails],
    phones: [...contact.phones],
    notes: contact.notes ?? '',
  }
}

/** "crm, key account,, crm " → ["crm", "key account"]: trimmed, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0)
  return [...new Set(tags)]
}

/**
 * Trims the text fields and drops blank e-mails and phones, so that the indexes the server
 * reports (`emails.1`) point at the inputs the user sees after submitting.
 */
export function normalizeContact(values: ContactFormValues): ContactFormValues {
  return {
    ...values,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    jobTitle: values.jobTitle.trim(),
    emails: values.emails.map((email) => email.trim()).filter((email) => email.length > 0),
    phones: values.phones.map((phone) => phone.trim()).filter((phone) => phone.length > 0),
  }
}

export function isContactBlank(values: ContactFormValues): boolean {
  const normalized = normalizeContact(values)
  return (
    !normalized.firstName &&
    !normalized.lastName &&
    !normalized.jobTitle &&
    normalized.roles.length === 0 &&
    normalized.emails.length === 0 &&
    normalized.phones.length === 0 &&
    !normalized.notes.trim()
  )
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim()
  return trimmed ? trimmed : undefined
}

export function toContactInput(values: ContactFormValues): ContactInput {
  const contact = normalizeContact(values)
  return {
    firstName: optional(contact.firstName),
    lastName: contact.lastName,
    jobTitle: optional(contact.jobTitle),
    roles: contact.roles,
    emails: contact.emails,
    phones: contact.phones,
    notes: optional(contact.notes),
  }
}

export function toCreateCustomerInput(
  values: CustomerFormValues,
  firstContact?: ContactFormValues,
): CreateCustomerInput {
  return {
    name: values.name.trim(),
    legalName: optional(values.legalName),
    taxId: optional(values.taxId),
    industry: optional(values.industry),
    region: optional(values.region),
    size: values.size || undefined,
    status: values.status,
    ownerId: values.ownerId || undefined,
    tags: parseTags(values.tags),
    sourceChannel: values.sourceChannel || undefined,
    sourceCampaignId: values.sourceCampaignId || undefined,
    website: optional(values.website),
    email: optional(values.email),
    phone: optional(values.phone),
    address: optional(values.address),
    notes: optional(values.notes),
    contacts: firstContact ? [toContactInput(firstContact)] : undefined,
  }
}

type TextKey = 'legalName' | 'taxId' | 'industry' | 'region' | 'website' | 'email' | 'phone'
const CLEARABLE_TEXT: readonly (TextKey | 'address' | 'notes')[] = [
  'legalName',
  'taxId',
  'industry',
  'region',
  'website',
  'email',
  'phone',
  'address',
  'notes',
]

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/**
 * Only the fields that changed: the API keeps omitted fields and clears explicit nulls.
 * The name is sent as typed even when blank, so that the server reports REQUIRED at it.
 */
export function toUpdateCustomerInput(
  id: string,
  expectedVersion: number,
  initial: CustomerFormValues,
  values: CustomerFormValues,
): UpdateCustomerInput {
  const input: UpdateCustomerInput = { id, expectedVersion }
  if (values.name.trim() !== initial.name.trim()) input.name = values.name.trim()
  for (const key of CLEARABLE_TEXT) {
    if (values[key].trim() !== initial[key].trim()) input[key] = optional(values[key]) ?? null
  }
  if (values.size !== initial.size) input.size = values.size || null
  if (values.status !== initial.status) input.status = values.status
  if (values.ownerId !== initial.ownerId && values.ownerId) input.ownerId = values.ownerId
  if (!sameSet(values.sharedWithIds, initial.sharedWithIds)) {
    input.sharedWithIds = values.sharedWithIds
  }
  const tags = parseTags(values.tags)
  if (tags.join('\u0000') !== parseTags(initial.tags).join('\u0000')) input.tags = tags
  if (values.sourceChannel !== initial.sourceChannel) {
    input.sourceChannel = values.sourceChannel || null
  }
  if (values.sourceCampaignId !== initial.sourceCampaignId) {
    input.sourceCampaignId = values.sourceCampaignId || null
  }
  return input
}

export function toUpdateContactInput(
  id: string,
  expectedVersion: number,
  initial: ContactFormValues,
  values: ContactFormValues,
): UpdateContactInput {
  const before = normalizeContact(initial)
  const after = normalizeContact(values)
  const input: UpdateContactInput = { id, expectedVersion }
  if (after.firstName !== before.firstName) input.firstName = after.firstName || null
  if (after.lastName !== before.lastName) input.lastName = after.lastName
  if (after.jobTitle !== before.jobTitle) input.jobTitle = after.jobTitle || null
  if (!sameSet(after.roles, before.roles)) input.roles = after.roles
  if (after.emails.join('\u0000') !== before.emails.join('\u0000')) input.emails = after.emails
  if (after.phones.join('\u0000') !== before.phones.join('\u0000')) input.phones = after.phones
  if (after.notes.trim() !== before.notes.trim()) input.notes = optional(after.notes) ?? null
  return input
}

/** The form field keys of a contact, as the server names them after `prefix`. */
export function contactFieldKeys(prefix: string, values: ContactFormValues): string[] {
  const keys = ['firstName', 'lastName', 'jobTitle', 'roles', 'emails', 'phones', 'notes']
  // one input is shown even for an empty list
  for (let i = 0; i < Math.max(1, values.emails.length); i++) keys.push(`emails.${i}`)
  for (let i = 0; i < Math.max(1, values.phones.length); i++) keys.push(`phones.${i}`)
  return keys.map((key) => prefix + key)
}
