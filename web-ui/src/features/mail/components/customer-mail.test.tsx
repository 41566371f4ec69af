import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Permission } from '../../../lib/permissions'
import { ACCOUNTANT_PERMISSIONS } from '../../../testing/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { CustomerMail } from './customer-mail'

function renderFor(permissions: readonly Permission[]) {
  // no operation runs until someone searches
  const stub = createStubClient({})
  renderWithProviders(<CustomerMail customer={{ id: 'Q3VzdG9tZXI6MQ' }} />, {
    client: stub.client,
    permissions,
  })
}

describe('CustomerMail', () => {
  it('offers the import to those who may add mail', () => {
    renderFor([{ action: 'CREATE', subject: 'MAIL_MESSAGE' }])
    expect(screen.getByLabelText('Import .eml file')).toBeInTheDocument()
    expect(screen.getByRole('searchbox')).toBeInTheDocument()
  })

  it('lets an accountant search the mail but not import any', () => {
    renderFor(ACCOUNTANT_PERMISSIONS)
    expect(screen.queryByLabelText('Import .eml file')).not.toBeInTheDocument()
    expect(screen.getByRole('searchbox')).toBeInTheDocument()
  })
})
