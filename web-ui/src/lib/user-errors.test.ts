import { describe, expect, it } from 'vitest'
import { fieldKeyOf, mapUserErrors, type UserErrorLike } from './user-errors'

const error = (
  field: string[] | null,
  code: UserErrorLike['code'] = 'REQUIRED',
): UserErrorLike => ({
  field,
  code,
  message: 'server message',
})

describe('fieldKeyOf', () => {
  it('drops the input argument and joins the rest with dots', () => {
    expect(fieldKeyOf(['input', 'name'])).toBe('name')
    expect(fieldKeyOf(['input', 'contacts', '0', 'emails', '1'])).toBe('contacts.0.emails.1')
    expect(fieldKeyOf(['input', 'contact', 'lastName'])).toBe('contact.lastName')
  })

  it('keeps a path that does not start at the input argument', () => {
    expect(fieldKeyOf(['id'])).toBe('id')
  })

  it('gives no key for a null, empty or bare input path', () => {
    expect(fieldKeyOf(null)).toBeUndefined()
    expect(fieldKeyOf(undefined)).toBeUndefined()
    expect(fieldKeyOf([])).toBeUndefined()
    expect(fieldKeyOf(['input'])).toBeUndefined()
  })
})

describe('mapUserErrors', () => {
  const createForm = [
    'name',
    'tags',
    'contacts.0.lastName',
    'contacts.0.emails',
    'contacts.0.emails.0',
    'contacts.0.emails.1',
  ]

  it('puts an error at the field its path names', () => {
    const nameError = error(['input', 'name'])
    const emailError = error(['input', 'contacts', '0', 'emails', '1'], 'INVALID_FORMAT')
    const mapped = mapUserErrors([nameError, emailError], createForm)
    expect(mapped.byField).toEqual({
      name: [nameError],
      'contacts.0.emails.1': [emailError],
    })
    expect(mapped.general).toEqual([])
  })

  it('maps an addContact path under the contact argument', () => {
    const lastName = error(['input', 'contact', 'lastName'])
    const mapped = mapUserErrors([lastName], ['contact.firstName', 'contact.lastName'])
    expect(mapped.byField['contact.lastName']).toEqual([lastName])
  })

  it('falls back to the nearest field the form shows', () => {
    const tag = error(['input', 'tags', '3'], 'TOO_LONG')
    const email = error(['input', 'contacts', '0', 'emails', '7'], 'INVALID_FORMAT')
    const mapped = mapUserErrors([tag, email], createForm)
    expect(mapped.byField.tags).toEqual([tag])
    expect(mapped.byField['contacts.0.emails']).toEqual([email])
  })

  it('shows errors with no field, or a field the form does not have, at the top', () => {
    const whole = error(null, 'NOT_ALLOWED')
    const stale = error([], 'STALE_VERSION')
    const unknown = error(['input', 'partnerId'], 'NOT_FOUND')
    const otherContact = error(['input', 'contacts', '1', 'lastName'])
    const mapped = mapUserErrors([whole, stale, unknown, otherContact], createForm)
    expect(mapped.byField).toEqual({})
    expect(mapped.general).toEqual([whole, stale, unknown, otherContact])
  })

  it('keeps several errors of one field in order', () => {
    const first = error(['input', 'name'], 'REQUIRED')
    const second = error(['input', 'name'], 'TOO_LONG')
    expect(mapUserErrors([first, second], createForm).byField.name).toEqual([first, second])
  })
})
