import type {
  CreateProductInput,
  LicenseModel,
  ProductFieldsFragment,
  ProductKind,
  SeatBasis,
  UpdateProductInput,
} from '../../../gql/graphql'
import { isDecimal, normalizeDecimal } from '../../../lib/decimal'
import type { UserErrorLike } from '../../../lib/user-errors'

export const PRODUCT_KINDS: readonly ProductKind[] = ['PROGRAM', 'SERVICE', 'PROTECTION_KEY']
export const LICENSE_MODELS: readonly LicenseModel[] = [
  'PERPETUAL',
  'SUBSCRIPTION',
  'TIME_LIMITED',
  'TRIAL',
  'NONE',
]
export const SEAT_BASES: readonly SeatBasis[] = ['PER_SEAT', 'PER_MACHINE']
/** License models that run for a term. */
export const TERM_MODELS: readonly LicenseModel[] = ['SUBSCRIPTION', 'TIME_LIMITED', 'TRIAL']

export type EditionValues = { code: string; name: string; active: boolean }
export type PriceValues = { editionCode: string; tier: string; currency: string; unitPrice: string }

export type ProductValues = {
  code: string
  name: string
  description: string
  kind: ProductKind
  licenseModel: LicenseModel
  termMonths: string
  seatBasis: SeatBasis
  editions: EditionValues[]
  prices: PriceValues[]
}

export const emptyEdition = (): EditionValues => ({ code: '', name: '', active: true })
export const emptyPrice = (currency = 'EUR'): PriceValues => ({
  editionCode: '',
  tier: '',
  currency,
  unitPrice: '',
})

export function emptyProduct(): ProductValues {
  return {
    code: '',
    name: '',
    description: '',
    kind: 'PROGRAM',
    licenseModel: 'PERPETUAL',
    termMonths: '',
    seatBasis: 'PER_SEAT',
    editions: [],
    prices: [emptyPrice()],
  }
}

export function productValues(product: ProductFieldsFragment): ProductValues {
  return {
    code: product.code,
    name: product.name,
    description: product.description ?? '',
    kind: product.kind,
    licenseModel: product.licenseModel,
    termMonths:
      product.termMonths === null || product.termMonths === undefined
        ? ''
        : String(product.termMonths),
    seatBasis: product.seatBasis ?? 'PER_SEAT',
    editions: product.editions.map((e) => ({ code: e.code, name: e.name, active: e.active })),
    prices: product.prices.map((p) => ({
      editionCode: p.editionCode ?? '',
      tier: p.tier ?? '',
      currency: p.unitPrice.currency,
      unitPrice: p.unitPrice.amount,
    })),
  }
}

/** The form's field keys, as `mapUserErrors` matches them against error paths. */
export function productFieldKeys(values: ProductValues): string[] {
  const keys = [
    'code',
    'name',
    'description',
    'kind',
    'licenseModel',
    'termMonths',
    'seatBasis',
    'editions',
    'prices',
  ]
  values.editions.forEach((_, i) => keys.push(`editions.${i}.code`, `editions.${i}.name`))
  values.prices.forEach((_, i) =>
    keys.push(
      `prices.${i}.editionCode`,
      `prices.${i}.tier`,
      `prices.${i}.unitPrice`,
      `prices.${i}.unitPrice.amount`,
      `prices.${i}.unitPrice.currency`,
    ),
  )
  return keys
}

const required = (...field: string[]): UserErrorLike => ({
  field: ['input', ...field],
  code: 'REQUIRED',
  message: '',
})
const invalid = (...field: string[]): UserErrorLike => ({
  field: ['input', ...field],
  code: 'INVALID_FORMAT',
  message: '',
})

/** Client-side checks in the server's shape, so that both show at the same fields. */
export function checkProductValues(values: ProductValues, creating: boolean): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  if (creating) {
    if (!values.code.trim()) errors.push(required('code'))
    else if (!/^[A-Z0-9][A-Z0-9._-]*$/.test(values.code.trim().toUpperCase()))
      errors.push(invalid('code'))
  }
  if (!values.name.trim()) errors.push(required('name'))
  if (values.kind === 'PROGRAM') {
    if (values.licenseModel === 'NONE') {
      errors.push({ field: ['input', 'licenseModel'], code: 'INVALID_VALUE', message: '' })
    }
    if (TERM_MODELS.includes(values.licenseModel)) {
      const months = Number(values.termMonths)
      if (!values.termMonths.trim()) errors.push(required('termMonths'))
      else if (!Number.isInteger(months) || months < 1 || months > 120) {
        errors.push({ field: ['input', 'termMonths'], code: 'INVALID_VALUE', message: '' })
      }
    }
  }
  values.editions.forEach((edition, i) => {
    if (!edition.code.trim()) errors.push(required('editions', String(i), 'code'))
    if (!edition.name.trim()) errors.push(required('editions', String(i), 'name'))
  })
  values.prices.forEach((price, i) => {
    if (!price.unitPrice.trim()) errors.push(required('prices', String(i), 'unitPrice', 'amount'))
    else if (!isDecimal(price.unitPrice)) {
      errors.push(invalid('prices', String(i), 'unitPrice', 'amount'))
    }
  })
  return errors
}

function commonFields(values: ProductValues) {
  const program = values.kind === 'PROGRAM'
  const termed = program && TERM_MODELS.includes(values.licenseModel)
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    licenseModel: program ? values.licenseModel : 'NONE',
    termMonths: termed ? Number(values.termMonths) : null,
    seatBasis: program ? values.seatBasis : null,
    editions: values.editions.map((e) => ({
      code: e.code.trim().toUpperCase(),
      name: e.name.trim(),
      active: e.active,
    })),
    prices: values.prices.map((p) => ({
      editionCode: p.editionCode || null,
      tier: p.tier.trim() || null,
      unitPrice: { amount: normalizeDecimal(p.unitPrice), currency: p.currency },
    })),
  } satisfies Partial<CreateProductInput>
}

export function toCreateProductInput(values: ProductValues): CreateProductInput {
  return { code: values.code.trim().toUpperCase(), kind: values.kind, ...commonFields(values) }
}

/** Sends every editable field: `editions` and `prices` replace the product's lists. */
export function toUpdateProductInput(
  product: Pick<ProductFieldsFragment, 'id' | 'version'>,
  values: ProductValues,
): UpdateProductInput {
  return { id: product.id, expectedVersion: product.version, ...commonFields(values) }
}
