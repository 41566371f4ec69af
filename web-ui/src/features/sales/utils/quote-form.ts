import type {
  CreateQuoteInput,
  OpportunityLineFieldsFragment,
  QuoteCatalogueQuery,
  QuoteLineInput,
} from '../../../gql/graphql'

export type DiscountKind = 'amount' | 'percent'

/** A product as the quote form's catalogue search returns it. */
export type CatalogueProduct = QuoteCatalogueQuery['products']['edges'][number]['node']

/** One line of the "New quote" form, as typed. */
export type QuoteLineValues = {
  /** The catalogue product the line offers; null for a typed line. */
  product: CatalogueProduct | null
  /** One of the product's editions; empty for the product itself. */
  editionCode: string
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
  return {
    product: null,
    editionCode: '',
    description: '',
    quantity: '1',
    listPrice: '',
    discountKind: 'percent',
    discount: '',
  }
}

/**
 * The catalogue list price of one unit in `currency`, as `Product.price` answers it: the
 * edition's price, else the product's own; partner tier prices are not list prices. Null when
 * the catalogue has no price in that currency.
 */
export function cataloguePrice(
  product: CatalogueProduct,
  editionCode: string,
  currency: string,
): string | null {
  const listPrices = product.prices.filter(
    (price) => !price.tier && price.unitPrice.currency === currency,
  )
  const edition = editionCode
    ? listPrices.find((price) => price.editionCode === editionCode)
    : undefined
  const own = listPrices.find((price) => !price.editionCode)
  return (edition ?? own)?.unitPrice.amount ?? null
}

/**
 * The line offering `product` (in `editionCode`): its name as the description and its catalogue
 * price in `currency`; without such a price the typed price stays, for the user to fill in.
 */
export function withCatalogueProduct(
  line: QuoteLineValues,
  product: CatalogueProduct,
  editionCode: string,
  currency: string,
): QuoteLineValues {
  const edition = product.editions.find((e) => e.code === editionCode)
  return {
    ...line,
    product,
    editionCode: edition ? edition.code : '',
    description: edition ? `${product.name} ${edition.name}` : product.name,
    listPrice: cataloguePrice(product, edition ? edition.code : '', currency) ?? line.listPrice,
  }
}

/** After a change of the quote's currency: catalogue lines take their price in the new one. */
export function repriceLines(
  lines: readonly QuoteLineValues[],
  currency: string,
): QuoteLineValues[] {
  return lines.map((line) =>
    line.product ? withCatalogueProduct(line, line.product, line.editionCode, currency) : line,
  )
}

/**
 * The deal's products of interest as quote lines: those the customer bought (or still may),
 * with their quantity, and their unit price when it is in the quote's currency. They are typed
 * lines until a catalogue product is picked for them.
 */
export function carryOverLines(
  interests: readonly OpportunityLineFieldsFragment[],
  currency: string,
): QuoteLineValues[] {
  return interests
    .filter((interest) => interest.bought)
    .map((interest) => ({
      ...emptyQuoteLine(),
      description: interest.product,
      quantity: String(interest.quantity),
      listPrice: interest.unitPrice?.currency === currency ? interest.unitPrice.amount : '',
    }))
}

/** A line with nothing in it yet: carried-over lines replace such lines. */
export function isBlankLine(line: QuoteLineValues): boolean {
  return (
    !line.product && !line.description.trim() && !line.listPrice.trim() && !line.discount.trim()
  )
}

/** "1 999,90" → "1999.90": spaces dropped, a decimal comma becomes a point. */
export function normalizeDecimal(value: string): string {
  return value.replace(/[\s\u00a0]/g, '').replace(',', '.')
}

/**
 * A form line → `QuoteLineInput`: the discount goes to `discountAmount` or `discountPercent`
 * (never both), and an empty discount sends neither. Quantity is an integer; a value that is not
 * one is sent as NaN-free 0 so the server reports it at the field. A catalogue line whose price
 * is empty or still the catalogue's list price in `currency` sends no price: the server prices it
 * for the customer (a partner's customer at its tier's price, see `QuoteLine.priceBasis`).
 */
export function toQuoteLineInput(line: QuoteLineValues, currency?: string): QuoteLineInput {
  const quantity = Number.parseInt(line.quantity.trim(), 10)
  const discount = normalizeDecimal(line.discount)
  const listPrice = normalizeDecimal(line.listPrice)
  const input: QuoteLineInput = {
    description: line.description.trim(),
    quantity: Number.isNaN(quantity) ? 0 : quantity,
    listPrice,
  }
  if (line.product) {
    input.productId = line.product.id
    if (line.editionCode) input.editionCode = line.editionCode
    const catalogue = currency ? cataloguePrice(line.product, line.editionCode, currency) : null
    if (!listPrice || (catalogue !== null && listPrice === catalogue)) delete input.listPrice
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
    lines: values.lines.map((line) => toQuoteLineInput(line, values.currency)),
  }
}

/** Form field keys (as `mapUserErrors` knows them) for the given number of lines. */
export function quoteFieldKeys(lineCount: number): string[] {
  const keys = ['currency', 'validUntil', 'lines']
  for (let index = 0; index < lineCount; index++) {
    for (const field of [
      'productId',
      'editionCode',
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
