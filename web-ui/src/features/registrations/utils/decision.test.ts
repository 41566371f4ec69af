import { describe, expect, it } from 'vitest'
import { needsAcknowledgement, validateProtectionDays } from './decision'

describe('approving a registration', () => {
  it('needs an acknowledgement for any conflict but another partner’s registration', () => {
    expect(needsAcknowledgement([])).toBe(false)
    expect(needsAcknowledgement(['SAME_CUSTOMER_REGISTERED'])).toBe(false)
    expect(needsAcknowledgement(['SAME_CUSTOMER_REGISTERED', 'OUTSIDE_TERRITORY'])).toBe(true)
    expect(needsAcknowledgement(['DIRECT_CUSTOMER'])).toBe(true)
  })

  it('takes an empty protection period as the default, else 1 to 3650 whole days', () => {
    expect(validateProtectionDays('')).toBeNull()
    expect(validateProtectionDays(' 90 ')).toBeNull()
    expect(validateProtectionDays('0')).toBe('daysInvalid')
    expect(validateProtectionDays('3651')).toBe('daysInvalid')
    expect(validateProtectionDays('1.5')).toBe('daysInvalid')
  })
})
