import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from './base64'

describe('bytesToBase64', () => {
  it('encodes text bytes, including UTF-8', () => {
    expect(bytesToBase64(new TextEncoder().encode('Subject: Привет\r\n'))).toBe(
      btoa(String.fromCharCode(...new TextEncoder().encode('Subject: Привет\r\n'))),
    )
    expect(bytesToBase64(new TextEncoder().encode('abc'))).toBe('YWJj')
  })

  it('encodes more than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256)
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0))
    expect(decoded).toEqual(bytes)
  })
})
