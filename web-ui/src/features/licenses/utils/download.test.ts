import { afterEach, describe, expect, it, vi } from 'vitest'
import { REVOKE_AFTER_MS, licenseFileName, saveLicenseFile } from './download'

describe('saveLicenseFile', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('names the file after the serial', () => {
    expect(licenseFileName('7K3QF-9XG2M-0RTVB-E4N8H-C')).toBe('7K3QF-9XG2M-0RTVB-E4N8H-C.lic')
    expect(licenseFileName('../x y')).toBe('xy.lic')
  })

  it('saves the signed file through a Blob link and frees it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:license')
    const revokeObjectURL = vi.fn()
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    const blob = saveLicenseFile('7K3QF-9XG2M-0RTVB-E4N8H-C', 'header.payload.signature')
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('7K3QF-9XG2M-0RTVB-E4N8H-C.lic')
    expect(clicked[0]!.href).toBe('blob:license')
    expect(clicked[0]!.isConnected).toBe(false)
    expect(await blob.text()).toBe('header.payload.signature')
    expect(createObjectURL).toHaveBeenCalledWith(blob)
    expect(revokeObjectURL).not.toHaveBeenCalled()
    vi.advanceTimersByTime(REVOKE_AFTER_MS)
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:license')
  })
})
