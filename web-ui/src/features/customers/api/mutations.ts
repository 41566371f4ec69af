import { graphql } from '../../../gql'

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const ArchiveCustomerMutation = graphql(`
  mutation ArchiveCustomer($input: ArchiveCustomerInput!) {
    archiveCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const RestoreCustomerMutation = graphql(`
  mutation RestoreCustomer($input: RestoreCustomerInput!) {
    restoreCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const AddContactMutation = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      contact {
        ...ContactFields
        customer {
          ...CustomerFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        ...ContactFields
        customer {
          ...CustomerFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)

export const RemoveContactMutation = graphql(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input) {
      removedContactId
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`)
