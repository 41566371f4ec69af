import type { CreateContractInput } from '../../../gql/graphql'
import { isDecimal, normalizeDecimal } from '../../../lib/decimal'

export type ContractFormValues = {
  customerId: string
  title: string
  quoteId: string
  orderId: string
  currency: string
  total: string
}

export type ContractFormProblem = 'required' | 'titleTooLong' | 'positiveTotal'

/** Whether the contract rests on a quote or an order, which then gives currency and total. */
export const hasSource = (values: ContractFormValues) => Boolean(values.quoteId || values.orderId)

/** The form's own checks; the server checks again (an accepted quote of that customer…). */
export function validateContractForm(
  values: ContractFormValues,
): Partial<Record<keyof ContractFormValues, ContractFormProblem>> {
  const problems: Partial<Record<keyof ContractFormValues, ContractFormProblem>> = {}
  if (!values.customerId) problems.customerId = 'required'
  const title = values.title.trim()
  if (!title) problems.title = 'required'
  else if (title.length > 200) problems.title = 'titleTooLong'
  if (!hasSource(values)) {
    if (!values.currency) problems.currency = 'required'
    const total = normalizeDecimal(values.total)
    if (!total) problems.total = 'required'
    else if (!isDecimal(total) || !/^\d+(\.\d{1,2})?$/.test(total) || Number(total) <= 0) {
      problems.total = 'positiveTotal'
    }
  }
  return problems
}

export function toCreateContractInput(
  values: ContractFormValues,
  opportunityId?: string | null,
): CreateContractInput {
  return {
    customerId: values.customerId,
    title: values.title.trim(),
    ...(opportunityId ? { opportunityId } : {}),
    ...(values.quoteId ? { quoteId: values.quoteId } : {}),
    ...(values.orderId ? { orderId: values.orderId } : {}),
    ...(hasSource(values)
      ? {}
      : { currency: values.currency, total: normalizeDecimal(values.total) }),
  }
}
