import type { CreatePartnerInput, UpdatePartnerInput } from '../../../gql/graphql'

export type PartnerFormValues = {
  name: string
  legalName: string
  taxId: string
  country: string
  address: string
  tierId: string
}

/** The create form's start. */
export const EMPTY_PARTNER: PartnerFormValues = {
  name: '',
  legalName: '',
  taxId: '',
  country: '',
  address: '',
  tierId: '',
}

export type PartnerFormProblems = Partial<Record<keyof PartnerFormValues, 'required' | 'country'>>

export function validatePartnerForm(values: PartnerFormValues): PartnerFormProblems {
  const problems: PartnerFormProblems = {}
  if (!values.name.trim()) problems.name = 'required'
  const country = values.country.trim()
  if (country && !/^[A-Za-z]{2}$/.test(country)) problems.country = 'country'
  return problems
}

const orNull = (text: string) => text.trim() || null

export function toCreatePartnerInput(
  values: PartnerFormValues,
  extra: { status: 'PROSPECTIVE' | 'ACTIVE'; parentId: string | null },
): CreatePartnerInput {
  return {
    name: values.name.trim(),
    legalName: orNull(values.legalName),
    taxId: orNull(values.taxId),
    country: orNull(values.country.toUpperCase()),
    address: orNull(values.address),
    tierId: orNull(values.tierId),
    status: extra.status,
    parentId: extra.parentId,
  }
}

/** Only what changed: an emptied optional field is sent as null, which clears it. */
export function toUpdatePartnerInput(
  id: string,
  expectedVersion: number,
  before: PartnerFormValues,
  after: PartnerFormValues,
): UpdatePartnerInput {
  const input: UpdatePartnerInput = { id, expectedVersion }
  if (after.name.trim() !== before.name.trim()) input.name = after.name.trim()
  for (const field of ['legalName', 'taxId', 'address', 'tierId'] as const) {
    if (after[field].trim() !== before[field].trim()) input[field] = orNull(after[field])
  }
  if (after.country.trim().toUpperCase() !== before.country.trim().toUpperCase()) {
    input.country = orNull(after.country.toUpperCase())
  }
  return input
}
