import { describe, expect, it, vi } from 'vitest'
import { MAX_DOCUMENT_BYTES, checkDocumentFile, uploadContractDocument } from './documents'

describe('contract documents', () => {
  it('refuses too large, empty and unusual files before sending', () => {
    expect(checkDocumentFile({ name: 'spec.pdf', size: 1000, type: 'application/pdf' })).toBeNull()
    expect(
      checkDocumentFile({
        name: 'spec.pdf',
        size: MAX_DOCUMENT_BYTES + 1,
        type: 'application/pdf',
      }),
    ).toEqual({
      problem: 'tooLarge',
      size: MAX_DOCUMENT_BYTES + 1,
    })
    expect(checkDocumentFile({ name: 'x.pdf', size: 0, type: 'application/pdf' })).toEqual({
      problem: 'empty',
    })
    expect(
      checkDocumentFile({ name: 'run.exe', size: 10, type: 'application/x-msdownload' }),
    ).toEqual({
      problem: 'badType',
      type: 'application/x-msdownload',
    })
    // the browser does not know the type: the name decides
    expect(checkDocumentFile({ name: 'plan.odt', size: 10, type: '' })).toBeNull()
  })

  it('uploads with the bearer token and reads the refusals', async () => {
    const file = new File(['%PDF'], 'spec.pdf', { type: 'application/pdf' })
    const send = vi.fn(async () => new Response(null, { status: 201 }))
    expect(await uploadContractDocument('C1', file, 'OTHER', 'token', send)).toEqual({ ok: true })
    expect(send).toHaveBeenCalledWith(
      '/contracts/C1/documents',
      expect.objectContaining({ method: 'POST', headers: { Authorization: 'Bearer token' } }),
    )
    const refusing = (status: number, body?: object) =>
      vi.fn(async () => new Response(body ? JSON.stringify(body) : null, { status }))
    expect(await uploadContractDocument('C1', file, 'OTHER', 't', refusing(413))).toEqual({
      ok: false,
      problem: 'tooLarge',
    })
    expect(await uploadContractDocument('C1', file, 'OTHER', 't', refusing(415))).toEqual({
      ok: false,
      problem: 'badType',
    })
    expect(
      await uploadContractDocument(
        'C1',
        file,
        'OTHER',
        't',
        refusing(409, { message: 'Contract is completed' }),
      ),
    ).toEqual({ ok: false, problem: 'other', message: 'Contract is completed' })
  })
})
