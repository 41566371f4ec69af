import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { DeleteDocument } from './delete-document'

describe('DeleteDocument', () => {
  it('asks first and explains a CONFLICT with later documents', async () => {
    const stub = createStubClient({
      DeleteDocument: () => ({
        deleteDocument: {
          __typename: 'DeleteDocumentPayload',
          deletedId: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: null,
              code: 'CONFLICT',
              message: 'SHP-2026-00001 was made from it',
            },
          ],
        },
      }),
    })
    const onDeleted = vi.fn()
    renderWithProviders(<DeleteDocument id="o1" number="ORD-1" onDeleted={onDeleted} />, {
      client: stub.client,
    })
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(stub.variablesOf('DeleteDocument')).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }))
    expect(stub.variablesOf('DeleteDocument')).toEqual([{ input: { id: 'o1' } }])
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('ORD-1 was not deleted')
    expect(alert).toHaveTextContent('Later documents (or licenses) depend on it')
    expect(alert).toHaveTextContent('SHP-2026-00001 was made from it')
    expect(onDeleted).not.toHaveBeenCalled()
  })
})
