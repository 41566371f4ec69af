import { describe, expect, it } from 'vitest'
import { isNewer } from './version-guard'

describe('isNewer', () => {
  it('takes a pushed copy only when its version is above the one shown', () => {
    expect(isNewer({ version: 3 }, { version: 2 })).toBe(true)
    expect(isNewer({ version: 2 }, { version: 2 })).toBe(false)
    expect(isNewer({ version: 1 }, { version: 2 })).toBe(false)
  })

  it('takes anything when nothing is shown yet', () => {
    expect(isNewer({ version: 1 }, undefined)).toBe(true)
    expect(isNewer({ version: 1 }, null)).toBe(true)
  })
})
