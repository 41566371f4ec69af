import { describe, expect, it } from 'vitest'
import {
  toCreateAgreementInput,
  validateAgreement,
  type AgreementFormValues,
} from './agreement-form'

const values = (change: Partial<AgreementFormValues> = {}): AgreementFormValues => ({
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  currency: 'EUR',
  bands: [
    { threshold: '1000000', percent: '2' },
    { threshold: '3000000', percent: '4' },
  ],
  note: '',
  ...change,
})

describe('agreement form', () => {
  it('accepts rising bands and sends them as decimals, an empty end as open-ended', () => {
    expect(validateAgreement(values())).toEqual({})
    expect(toCreateAgreementInput('pa1', values({ endsOn: '', note: ' ' }))).toEqual({
      partnerId: 'pa1',
      startsOn: '2027-01-01',
      endsOn: null,
      currency: 'EUR',
      rebateBands: [
        { threshold: '1000000', percent: '2' },
        { threshold: '3000000', percent: '4' },
      ],
      note: null,
    })
  })

  it('refuses an end before the start, and bands that do not rise in threshold and percent', () => {
    expect(
      validateAgreement(
        values({
          endsOn: '2026-12-31',
          bands: [
            { threshold: '3000000', percent: '4' },
            { threshold: '1000000', percent: '2' },
            { threshold: 'lots', percent: '101' },
          ],
        }),
      ),
    ).toEqual({
      endsOn: 'endBeforeStart',
      'rebateBands.1.threshold': 'thresholdNotRising',
      'rebateBands.1.percent': 'percentNotRising',
      'rebateBands.2.threshold': 'thresholdInvalid',
      'rebateBands.2.percent': 'percentInvalid',
    })
    expect(validateAgreement(values({ startsOn: '' }))).toEqual({ startsOn: 'required' })
  })
})
