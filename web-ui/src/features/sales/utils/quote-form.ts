import type { CreateQuoteInput, QuoteLineInput } from '../../../gql/graphql'

export type DiscountKind = 'amount' | 'percent'

/** One line of the "New quote" form, as typed. */
export type QuoteLineValues = {
  description: string
  quantity: string
  listPrice: string
  discountKind: DiscountKind
  /** Empty for no discount. */
  discount: string
}

export type QuoteFormValues = {
  currency: string
  validUntil: string
  lines: QuoteLineValues[]
}

export function emptyQuoteLine(): QuoteLineValues {
  return { description: '', quantity: '1', listPrice: '', discountKind: 'percent', discount: '' }
}

/** "1 999,90" → "1999.90": spaces dropped, a decimal comma becomes a point. */
export function normalizeDecimal(value: string): string {
  return value.replace(/[\s\u00a0]/g, '').replace(',', '.')
}

/**
 * A form line → `QuoteLineInput`: the discount goes to `discountAmount` or `discountPercent`
 * (never both), and an empty discount sends neither. Quantity is an integer; a value that is not
 * one is sent as NaN-free 0 so the server reports it at the field.
 */
export function toQuoteLineInput(line: QuoteLineValues): QuoteLineInput {
  const quantity = Number.parseInt(line.quantity.trim(), 10)
  const discount = normalizeDecimal(line.discount)
  const input: QuoteLineInput = {
    description: line.description.trim(),
    quantity: Number.isNaN(quantity) ? 0 : quantity,
    listPrice: normalizeDecimal(line.listPrice),
  }
  if (discount) {
    if (line.discountKind === 'percent') input.discountPercent = discount
    else input.discountAmount = discount
  }
  return input
}

export function toCreateQuoteInput(
  opportunityId: string,
  values: QuoteFormValues,
): CreateQuoteInput {
  return {
    opportunityId,
    currency: values.currency,
    validUntil: values.validUntil,
    lines: values.lines.map(toQuoteLineInput),
  }
}

/** Form field keys (as `mapUserErrors` knows them) for the given number of lines. */
export function quoteFieldKeys(lineCount: number): string[] {
  const keys = ['currency', 'validUntil', 'lines']
  for (let index = 0; index < lineCount; index++) {
    for (const field of [
      'description',
      'quantity',
      'listPrice',
      'discountAmount',
      'discountPercent',
    ]) {
      keys.push(`lines.${index}.${field}`)
    }
  }
  return keys
}
