import type { SubmitDealRegistrationInput } from '../../../gql/graphql'

export type RegistrationLineValues = {
  /** A stable key for React while lines are added and removed. */
  key: number
  product: { id: string; name: string; editions: readonly { code: string; name: string }[] } | null
  editionCode: string
  quantity: string
}

export type PickedCustomer = {
  id: string
  name: string
  region?: string | null
  industry?: string | null
}

export type RegistrationFormValues = {
  /** An existing customer of the partner, or a new one described below. */
  customerMode: 'existing' | 'new'
  /** Its region and industry as recorded; what is not recorded is asked in the fields below. */
  customer: PickedCustomer | null
  customerName: string
  customerTaxId: string
  customerEmailDomain: string
  customerRegion: string
  customerIndustry: string
  lines: RegistrationLineValues[]
  amount: string
  currency: string
  expectedCloseOn: string
  note: string
}

/** What the form finds wrong before sending, by field key (`lines.0.quantity`…), as text keys. */
export type RegistrationProblems = Record<string, RegistrationProblem>

export type RegistrationProblem =
  | 'customerRequired'
  | 'nameRequired'
  | 'productRequired'
  | 'linesRequired'
  | 'quantityInvalid'
  | 'amountInvalid'
  | 'closeDateRequired'
  | 'closeDateInPast'
  | 'domainInvalid'

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/
const DOMAIN = /^([^\s@]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i

export function validateRegistration(
  values: RegistrationFormValues,
  today: string,
): RegistrationProblems {
  const problems: RegistrationProblems = {}
  if (values.customerMode === 'existing' && !values.customer)
    problems.customerId = 'customerRequired'
  if (values.customerMode === 'new') {
    if (!values.customerName.trim()) problems.customerName = 'nameRequired'
    const domain = values.customerEmailDomain.trim()
    if (domain && !DOMAIN.test(domain)) problems.customerEmailDomain = 'domainInvalid'
  }
  if (values.lines.length === 0) problems.lines = 'linesRequired'
  values.lines.forEach((line, index) => {
    if (!line.product) problems[`lines.${index}.productId`] = 'productRequired'
    const quantity = line.quantity.trim()
    if (!/^\d+$/.test(quantity) || Number(quantity) < 1) {
      problems[`lines.${index}.quantity`] = 'quantityInvalid'
    }
  })
  const amount = values.amount.trim()
  if (!AMOUNT.test(amount) || Number(amount) <= 0)
    problems['expectedAmount.amount'] = 'amountInvalid'
  if (!values.expectedCloseOn) problems.expectedCloseOn = 'closeDateRequired'
  else if (values.expectedCloseOn < today) problems.expectedCloseOn = 'closeDateInPast'
  return problems
}

const orNull = (text: string) => text.trim() || null

/**
 * The input of `submitDealRegistration`: an existing customer by id (with the region and industry
 * the partner gave where the customer has none recorded: the API takes the recorded ones), or the
 * new one's facts.
 */
export function toSubmitInput(values: RegistrationFormValues): SubmitDealRegistrationInput {
  const customer =
    values.customerMode === 'existing'
      ? {
          customerId: values.customer?.id ?? null,
          customerRegion: values.customer?.region ? null : orNull(values.customerRegion),
          customerIndustry: values.customer?.industry ? null : orNull(values.customerIndustry),
        }
      : {
          customerName: values.customerName.trim(),
          customerTaxId: orNull(values.customerTaxId),
          customerEmailDomain: orNull(values.customerEmailDomain),
          customerRegion: orNull(values.customerRegion),
          customerIndustry: orNull(values.customerIndustry),
        }
  return {
    ...customer,
    lines: values.lines.map((line) => ({
      productId: line.product?.id ?? '',
      editionCode: orNull(line.editionCode),
      quantity: Number(line.quantity.trim()),
    })),
    expectedAmount: { amount: values.amount.trim(), currency: values.currency },
    expectedCloseOn: values.expectedCloseOn,
    note: orNull(values.note),
  }
}
