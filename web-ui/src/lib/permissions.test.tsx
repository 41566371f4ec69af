import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { ACCOUNTANT_PERMISSIONS } from '../testing/permissions'
import { PermissionsContext, can, useCan, type Permission } from './permissions'

const REP_SOME: readonly Permission[] = [
  { action: 'CREATE', subject: 'CUSTOMER' },
  { action: 'UPDATE', subject: 'CUSTOMER' },
]

describe('can', () => {
  it('answers yes only for an action and subject the API listed together', () => {
    expect(can(REP_SOME, 'CREATE', 'CUSTOMER')).toBe(true)
    expect(can(REP_SOME, 'DELETE', 'CUSTOMER')).toBe(false)
    expect(can(REP_SOME, 'CREATE', 'ORDER')).toBe(false)
    expect(can(ACCOUNTANT_PERMISSIONS, 'CREATE', 'INVOICE')).toBe(true)
    expect(can(ACCOUNTANT_PERMISSIONS, 'CREATE', 'CUSTOMER')).toBe(false)
  })

  it('answers no while the permissions are not known', () => {
    expect(can(undefined, 'CREATE', 'CUSTOMER')).toBe(false)
  })
})

describe('useCan', () => {
  it('reads the permissions the app provides', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PermissionsContext.Provider value={REP_SOME}>{children}</PermissionsContext.Provider>
    )
    const { result } = renderHook(() => useCan(), { wrapper })
    expect(result.current('UPDATE', 'CUSTOMER')).toBe(true)
    expect(result.current('CHANGE_TERMS', 'LICENSE')).toBe(false)
  })

  it('allows nothing outside a provider', () => {
    const { result } = renderHook(() => useCan())
    expect(result.current('CREATE', 'CUSTOMER')).toBe(false)
  })
})
