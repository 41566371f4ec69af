import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { makeFragmentData } from '../../../gql'
import { WebhookEndpointFieldsFragmentDoc } from '../../../gql/graphql'
import type { Permission } from '../../../lib/permissions'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient, type StubHandlers } from '../../../testing/urql'
import { WebhooksPage } from './webhooks-page'

const endpoint = {
  __typename: 'WebhookEndpoint' as const,
  id: 'V2ViaG9vazox',
  url: 'https://hooks.example.com/dealerdesk',
  description: 'ERP bridge',
  eventTypes: ['CUSTOMER_CREATED' as const],
  status: 'ACTIVE' as const,
  disabledReason: null,
  partner: null,
  allowPrivateNetwork: false,
  position: 42,
  consecutiveFailures: 0,
  previousSecretExpiresAt: null,
  createdAt: '2026-12-01T10:00:00Z',
  version: 1,
}

const noEndpoints = {
  webhookEndpoints: {
    __typename: 'WebhookEndpointConnection' as const,
    edges: [],
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
  },
}

function setUp(
  handlers: StubHandlers,
  { isAdmin = true, permissions }: { isAdmin?: boolean; permissions?: Permission[] } = {},
) {
  const stub = createStubClient({ WebhookEndpoints: () => noEndpoints, ...handlers })
  renderWithProviders(<WebhooksPage isAdmin={isAdmin} />, { client: stub.client, permissions })
  return { stub, user: userEvent.setup() }
}

describe('WebhooksPage', () => {
  it('checks the URL before sending anything', async () => {
    const create = vi.fn()
    const { user, stub } = setUp({ CreateWebhookEndpoint: create })
    await user.click(await screen.findByRole('button', { name: '+ New endpoint' }))
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }))
    expect(screen.getByLabelText(/^URL/)).toHaveAccessibleDescription(/required/i)
    await user.type(screen.getByLabelText(/^URL/), 'ftp://example.com')
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }))
    expect(screen.getByLabelText(/^URL/)).toHaveAttribute('aria-invalid', 'true')
    expect(create).not.toHaveBeenCalled()
    expect(stub.variablesOf('CreateWebhookEndpoint')).toEqual([])
  })

  it('creates an endpoint with the chosen types and shows its secret once', async () => {
    const { user, stub } = setUp({
      CreateWebhookEndpoint: () => ({
        createWebhookEndpoint: {
          __typename: 'WebhookSecretPayload',
          endpoint: {
            id: endpoint.id,
            ...makeFragmentData(endpoint, WebhookEndpointFieldsFragmentDoc),
          },
          secret: 'whsec_0123456789',
          userErrors: [],
        },
      }),
    })
    await user.click(await screen.findByRole('button', { name: '+ New endpoint' }))
    await user.type(screen.getByLabelText(/^URL/), endpoint.url)
    await user.click(screen.getByRole('checkbox', { name: 'Customer created' }))
    await user.click(screen.getByRole('checkbox', { name: /private or loopback/ }))
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }))

    const secret = await screen.findByRole('region', { name: /Signing secret for/ })
    expect(within(secret).getByLabelText('Signing secret')).toHaveValue('whsec_0123456789')
    expect(secret).toHaveTextContent(/shown only this once/)
    expect(stub.variablesOf('CreateWebhookEndpoint')).toEqual([
      {
        input: {
          url: endpoint.url,
          description: null,
          eventTypes: ['CUSTOMER_CREATED'],
          allowPrivateNetwork: true,
        },
      },
    ])
    await user.click(within(secret).getByRole('button', { name: 'I have stored the secret' }))
    expect(screen.queryByRole('region', { name: /Signing secret for/ })).toBeNull()
    expect(screen.queryByDisplayValue('whsec_0123456789')).toBeNull()
  })

  it('shows the server’s userErrors at their fields, and no private-address choice to non-admins', async () => {
    const { user, stub } = setUp(
      {
        CreateWebhookEndpoint: () => ({
          createWebhookEndpoint: {
            __typename: 'WebhookSecretPayload',
            endpoint: null,
            secret: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'url'],
                code: 'NOT_ALLOWED',
                message: 'points at a private address',
              },
            ],
          },
        }),
      },
      { isAdmin: false },
    )
    await user.click(await screen.findByRole('button', { name: '+ New endpoint' }))
    expect(screen.queryByRole('checkbox', { name: /private or loopback/ })).toBeNull()
    await user.type(screen.getByLabelText(/^URL/), 'https://10.0.0.5/hook')
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }))
    await vi.waitFor(() =>
      expect(screen.getByLabelText(/^URL/)).toHaveAccessibleDescription(/private address/),
    )
    expect(screen.queryByRole('region', { name: /Signing secret for/ })).toBeNull()
    expect(stub.variablesOf('CreateWebhookEndpoint')[0]).toEqual({
      input: { url: 'https://10.0.0.5/hook', description: null, eventTypes: [] },
    })
  })

  it('shows no buttons the role may not use', async () => {
    setUp(
      {
        WebhookEndpoints: () => ({
          webhookEndpoints: {
            ...noEndpoints.webhookEndpoints,
            edges: [
              {
                __typename: 'WebhookEndpointEdge' as const,
                node: {
                  id: endpoint.id,
                  ...makeFragmentData(endpoint, WebhookEndpointFieldsFragmentDoc),
                },
              },
            ],
          },
        }),
      },
      { permissions: [] },
    )
    const card = await screen.findByRole('article', { name: endpoint.url })
    expect(within(card).getByRole('button', { name: 'Delivery log' })).toBeVisible()
    for (const name of ['Edit', 'Rotate secret', 'Disable', 'Send test delivery', 'Delete']) {
      expect(within(card).queryByRole('button', { name })).toBeNull()
    }
    expect(screen.queryByRole('button', { name: '+ New endpoint' })).toBeNull()
  })
})
