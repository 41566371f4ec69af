import { graphql } from '../../../gql'

// Fragments are read without masking: a query that spreads them gets the fields directly.

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`)

export const ContactFields = graphql(`
  fragment ContactFields on Contact {
    id
    firstName
    lastName
    fullName
    jobTitle
    roles
    emails
    phones
    notes
    version
    createdAt
    updatedAt
  }
`)

export const CustomerFields = graphql(`
  fragment CustomerFields on Customer {
    id
    name
    legalName
    taxId
    industry
    region
    size
    status
    owner {
      id
      name
    }
    sharedWith {
      id
      name
    }
    partner {
      id
      name
    }
    tags
    sourceChannel
    sourceCampaign {
      id
      name
    }
    website
    email
    phone
    address
    notes
    archived
    version
    createdAt
    updatedAt
    contacts {
      ...ContactFields
    }
  }
`)
