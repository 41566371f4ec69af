import { graphql } from '../../../gql'

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        id
        ...CustomerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        id
        ...CustomerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ArchiveCustomerMutation = graphql(`
  mutation ArchiveCustomer($input: ArchiveCustomerInput!) {
    archiveCustomer(input: $input) {
      customer {
        id
        ...CustomerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RestoreCustomerMutation = graphql(`
  mutation RestoreCustomer($input: RestoreCustomerInput!) {
    restoreCustomer(input: $input) {
      customer {
        id
        ...CustomerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddContactMutation = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      contact {
        id
        ...ContactFields
        customer {
          id
          ...CustomerFields
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        id
        ...ContactFields
        customer {
          id
          ...CustomerFields
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RemoveContactMutation = graphql(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input) {
      removedContactId
      customer {
        id
        ...CustomerFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
