import { graphql } from '../../../gql'

export const PartnerListQuery = graphql(`
  query PartnerList(
    $search: String
    $status: [PartnerStatus!]
    $tierId: ID
    $parentId: ID
    $first: Int!
    $after: String
  ) {
    partners(
      search: $search
      status: $status
      tierId: $tierId
      parentId: $parentId
      first: $first
      after: $after
    ) {
      edges {
        node {
          id
          ...PartnerRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)

export const PartnerTiersQuery = graphql(`
  query PartnerTiers {
    partnerTiers {
      id
      code
      name
      position
      defaultDiscountPercent
      priceCount
      version
    }
  }
`)

export const PartnerQuery = graphql(`
  query Partner($id: ID!) {
    partner(id: $id) {
      id
      ...PartnerDetailFields
    }
  }
`)

export const CreatePartnerMutation = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdatePartnerMutation = graphql(`
  mutation UpdatePartner($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      partner {
        id
        ...PartnerDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ChangePartnerStatusMutation = graphql(`
  mutation ChangePartnerStatus($input: ChangePartnerStatusInput!) {
    changePartnerStatus(input: $input) {
      partner {
        id
        ...PartnerDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ConvertCustomerToPartnerMutation = graphql(`
  mutation ConvertCustomerToPartner($input: ConvertCustomerToPartnerInput!) {
    convertCustomerToPartner(input: $input) {
      partner {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddPartnerContactMutation = graphql(`
  mutation AddPartnerContact($input: AddPartnerContactInput!) {
    addPartnerContact(input: $input) {
      partner {
        id
        ...PartnerDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RemovePartnerContactMutation = graphql(`
  mutation RemovePartnerContact($input: RemovePartnerContactInput!) {
    removePartnerContact(input: $input) {
      partner {
        id
        ...PartnerDetailFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** A partner's portal users, for the partner page and the portal's own users page. */
export const PartnerUsersQuery = graphql(`
  query PartnerUsers($id: ID!) {
    partner(id: $id) {
      id
      name
      status
      users {
        ...PartnerUserFields
      }
    }
  }
`)

export const InvitePartnerUserMutation = graphql(`
  mutation InvitePartnerUser($input: InvitePartnerUserInput!) {
    invitePartnerUser(input: $input) {
      partnerUser {
        user {
          id
          name
        }
      }
      initialPassword
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DisablePartnerUserMutation = graphql(`
  mutation DisablePartnerUser($input: DisablePartnerUserInput!) {
    disablePartnerUser(input: $input) {
      partnerUser {
        user {
          id
        }
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreatePartnerAgreementMutation = graphql(`
  mutation CreatePartnerAgreement($input: CreatePartnerAgreementInput!) {
    createPartnerAgreement(input: $input) {
      agreement {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdatePartnerAgreementMutation = graphql(`
  mutation UpdatePartnerAgreement($input: UpdatePartnerAgreementInput!) {
    updatePartnerAgreement(input: $input) {
      agreement {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreatePartnerTierMutation = graphql(`
  mutation CreatePartnerTier($input: CreatePartnerTierInput!) {
    createPartnerTier(input: $input) {
      tier {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdatePartnerTierMutation = graphql(`
  mutation UpdatePartnerTier($input: UpdatePartnerTierInput!) {
    updatePartnerTier(input: $input) {
      tier {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeletePartnerTierMutation = graphql(`
  mutation DeletePartnerTier($input: DeleteInput!) {
    deletePartnerTier(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)
