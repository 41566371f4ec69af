import type {
  CampaignFieldsFragment,
  CampaignKind,
  CreateCampaignInput,
  UpdateCampaignInput,
} from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'
import { normalizeDecimal } from './quote-form'

/** What the campaign form edits: strings as typed, '' for "not set". */
export type CampaignFormValues = {
  name: string
  kind: CampaignKind
  startsOn: string
  endsOn: string
  cost: string
  currency: string
  notes: string
}

/** The kinds, in the schema's order. */
export const CAMPAIGN_KINDS: readonly CampaignKind[] = [
  'PRICE_PROMOTION',
  'EXHIBITION',
  'WEBINAR',
  'MAILING',
  'ADVERTISING',
  'OTHER',
]

/** The form's field keys, as the server names them in `UserError.field` (after `input`). */
export const CAMPAIGN_FIELDS = [
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'cost',
  'cost.amount',
  'cost.currency',
  'notes',
]

export const emptyCampaignValues: CampaignFormValues = {
  name: '',
  kind: 'WEBINAR',
  startsOn: '',
  endsOn: '',
  cost: '',
  currency: 'EUR',
  notes: '',
}

export function campaignToValues(campaign: CampaignFieldsFragment): CampaignFormValues {
  return {
    name: campaign.name,
    kind: campaign.kind,
    startsOn: campaign.startsOn ?? '',
    endsOn: campaign.endsOn ?? '',
    cost: campaign.cost?.amount ?? '',
    currency: campaign.cost?.currency ?? 'EUR',
    notes: campaign.notes ?? '',
  }
}

/** Client-side checks in the server's shape, so both show the same way. */
export function checkCampaignValues(values: CampaignFormValues): UserErrorLike[] {
  return values.name.trim() ? [] : [{ field: ['input', 'name'], code: 'REQUIRED', message: '' }]
}

export function toCreateCampaignInput(values: CampaignFormValues): CreateCampaignInput {
  const amount = normalizeDecimal(values.cost)
  return {
    name: values.name.trim(),
    kind: values.kind,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    cost: amount ? { amount, currency: values.currency } : null,
    notes: values.notes.trim() || null,
  }
}

/**
 * Only the fields that changed, against the version the form was opened on: the API keeps
 * omitted fields and clears explicit nulls.
 */
export function toUpdateCampaignInput(
  campaign: CampaignFieldsFragment,
  values: CampaignFormValues,
): UpdateCampaignInput {
  const initial = campaignToValues(campaign)
  const input: UpdateCampaignInput = { id: campaign.id, expectedVersion: campaign.version }
  if (values.name.trim() !== initial.name) input.name = values.name.trim()
  if (values.kind !== initial.kind) input.kind = values.kind
  if (values.startsOn !== initial.startsOn) input.startsOn = values.startsOn || null
  if (values.endsOn !== initial.endsOn) input.endsOn = values.endsOn || null
  const amount = normalizeDecimal(values.cost)
  if (amount !== normalizeDecimal(initial.cost) || values.currency !== initial.currency) {
    input.cost = amount ? { amount, currency: values.currency } : null
  }
  if (values.notes.trim() !== initial.notes.trim()) input.notes = values.notes.trim() || null
  return input
}
