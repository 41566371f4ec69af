import { graphql } from '../../../gql'

export const WebhookEndpointFields = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    status
    disabledReason
    partner {
      id
      name
    }
    allowPrivateNetwork
    position
    consecutiveFailures
    previousSecretExpiresAt
    createdAt
    version
  }
`)

export const WebhookDeliveryFields = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    eventPosition
    eventType
    attempt
    attemptedAt
    outcome
    statusCode
    latencyMs
    responseExcerpt
    nextAttemptAt
  }
`)

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints($first: Int!, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      edges {
        node {
          id
          ...WebhookEndpointFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)

/** One endpoint's delivery attempts, newest first. */
export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on WebhookEndpoint {
        deliveries(first: $first, after: $after) {
          edges {
            node {
              id
              ...WebhookDeliveryFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`)

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const EnableWebhookEndpointMutation = graphql(`
  mutation EnableWebhookEndpoint($input: WebhookEndpointVersionInput!) {
    enableWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DisableWebhookEndpointMutation = graphql(`
  mutation DisableWebhookEndpoint($input: WebhookEndpointVersionInput!) {
    disableWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointVersionInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ReplayWebhookEndpointMutation = graphql(`
  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {
    replayWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const TestWebhookEndpointMutation = graphql(`
  mutation TestWebhookEndpoint($input: TestWebhookEndpointInput!) {
    testWebhookEndpoint(input: $input) {
      delivery {
        id
        ...WebhookDeliveryFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
