import type {
  CreatePartnerAgreementInput,
  RebateBandInput,
  UpdatePartnerAgreementInput,
} from '../../../gql/graphql'

export type BandRow = { threshold: string; percent: string }

export type AgreementFormValues = {
  startsOn: string
  endsOn: string
  currency: string
  bands: BandRow[]
  note: string
}

export type AgreementProblem =
  | 'required'
  | 'endBeforeStart'
  | 'thresholdInvalid'
  | 'percentInvalid'
  | 'thresholdNotRising'
  | 'percentNotRising'

/** Problems by field key (`startsOn`, `rebateBands.1.percent`…). */
export type AgreementProblems = Record<string, AgreementProblem>

const DECIMAL = /^\d{1,15}(\.\d{1,2})?$/
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/

/**
 * Dates in order; each band a threshold (≥ 0, two decimals) and a percent (0–100); bands rising
 * in both, as the API requires ("greater than the band below").
 */
export function validateAgreement(values: AgreementFormValues): AgreementProblems {
  const problems: AgreementProblems = {}
  if (!values.startsOn) problems.startsOn = 'required'
  if (values.endsOn && values.startsOn && values.endsOn < values.startsOn) {
    problems.endsOn = 'endBeforeStart'
  }
  values.bands.forEach((band, index) => {
    const threshold = band.threshold.trim()
    const percent = band.percent.trim()
    if (!DECIMAL.test(threshold)) problems[`rebateBands.${index}.threshold`] = 'thresholdInvalid'
    if (!PERCENT.test(percent) || Number(percent) > 100) {
      problems[`rebateBands.${index}.percent`] = 'percentInvalid'
    }
    const below = values.bands[index - 1]
    if (!below) return
    if (
      !problems[`rebateBands.${index}.threshold`] &&
      Number(threshold) <= Number(below.threshold.trim())
    ) {
      problems[`rebateBands.${index}.threshold`] = 'thresholdNotRising'
    }
    if (
      !problems[`rebateBands.${index}.percent`] &&
      Number(percent) <= Number(below.percent.trim())
    ) {
      problems[`rebateBands.${index}.percent`] = 'percentNotRising'
    }
  })
  return problems
}

const bandsOf = (values: AgreementFormValues): RebateBandInput[] =>
  values.bands.map((band) => ({ threshold: band.threshold.trim(), percent: band.percent.trim() }))

export function toCreateAgreementInput(
  partnerId: string,
  values: AgreementFormValues,
): CreatePartnerAgreementInput {
  return {
    partnerId,
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
    currency: values.currency,
    rebateBands: bandsOf(values),
    note: values.note.trim() || null,
  }
}

/** The whole period, bands and note (bands are replaced as a list; the currency is fixed). */
export function toUpdateAgreementInput(
  id: string,
  expectedVersion: number,
  values: AgreementFormValues,
): UpdatePartnerAgreementInput {
  return {
    id,
    expectedVersion,
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
    rebateBands: bandsOf(values),
    note: values.note.trim() || null,
  }
}
