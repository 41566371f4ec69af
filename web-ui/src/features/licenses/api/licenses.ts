import { graphql } from '../../../gql'

export const LicenseListQuery = graphql(`
  query LicenseList(
    $search: String
    $status: LicenseStatus
    $customerId: ID
    $first: Int
    $after: String
  ) {
    licenses(
      search: $search
      status: $status
      customerId: $customerId
      first: $first
      after: $after
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...LicenseRowFields
        }
      }
    }
  }
`)

export const LicenseQuery = graphql(`
  query License($id: ID!) {
    license(id: $id) {
      id
      ...LicenseFields
    }
  }
`)

/** That the license changed, and to which version: its page then fetches it again. */
export const LicenseChangedSubscription = graphql(`
  subscription LicenseChanged($id: ID!) {
    licenseChanged(id: $id) {
      id
      version
    }
  }
`)

/** Asked only when the user downloads the file: it is large and signed on demand. */
export const LicenseFileQuery = graphql(`
  query LicenseFile($id: ID!) {
    license(id: $id) {
      id
      serial
      signedFile
    }
  }
`)

export const ExtendLicenseMutation = graphql(`
  mutation ExtendLicense($input: ExtendLicenseInput!) {
    extendLicense(input: $input) {
      license {
        id
        ...LicenseFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** The editions a license can move to: asked when the upgrade dialog opens. */
export const LicenseEditionsQuery = graphql(`
  query LicenseEditions($id: ID!) {
    license(id: $id) {
      id
      product {
        id
        editions {
          code
          name
          active
        }
      }
    }
  }
`)

export const UpgradeLicenseMutation = graphql(`
  mutation UpgradeLicense($input: UpgradeLicenseInput!) {
    upgradeLicense(input: $input) {
      license {
        id
        ...LicenseFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SuspendLicenseMutation = graphql(`
  mutation SuspendLicense($input: LicenseChangeInput!) {
    suspendLicense(input: $input) {
      license {
        id
        ...LicenseFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ResumeLicenseMutation = graphql(`
  mutation ResumeLicense($input: LicenseChangeInput!) {
    resumeLicense(input: $input) {
      license {
        id
        ...LicenseFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RevokeLicenseMutation = graphql(`
  mutation RevokeLicense($input: LicenseChangeInput!) {
    revokeLicense(input: $input) {
      license {
        id
        ...LicenseFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ProtectionKeyQuery = graphql(`
  query ProtectionKey($id: ID!) {
    protectionKey(id: $id) {
      id
      ...ProtectionKeyFields
    }
  }
`)

export const KeyLicensesQuery = graphql(`
  query KeyLicenses($id: ID!, $first: Int, $after: String) {
    protectionKey(id: $id) {
      id
      licenses(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            serial
            name
            issuedAt
            product {
              id
              code
            }
            customer {
              id
              name
            }
            shipment {
              id
              number
            }
          }
        }
      }
    }
  }
`)

export const CustomerKeysQuery = graphql(`
  query CustomerKeys($id: ID!) {
    customer(id: $id) {
      id
      protectionKeys {
        id
        ...ProtectionKeyFields
      }
    }
  }
`)

export const CreateProtectionKeyMutation = graphql(`
  mutation CreateProtectionKey($input: CreateProtectionKeyInput!) {
    createProtectionKey(input: $input) {
      key {
        id
        keyNumber
        ...ProtectionKeyFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ReplaceProtectionKeyMutation = graphql(`
  mutation ReplaceProtectionKey($input: ReplaceProtectionKeyInput!) {
    replaceProtectionKey(input: $input) {
      key {
        id
        ...ProtectionKeyFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ExpiringLicensesQuery = graphql(`
  query ExpiringLicenses($withinDays: Int!, $first: Int, $after: String) {
    expiringLicenses(withinDays: $withinDays, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...RenewalRowFields
        }
      }
    }
  }
`)

export const CreateRenewalOrderMutation = graphql(`
  mutation CreateRenewalOrder($input: CreateRenewalOrderInput!) {
    createRenewalOrder(input: $input) {
      order {
        id
        number
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** Binds licenses to a key, or unbinds them with `keyId: null`. */
export const BindLicensesMutation = graphql(`
  mutation BindLicenses($input: BindLicensesInput!) {
    bindLicenses(input: $input) {
      licenses {
        id
        version
        key {
          id
          keyNumber
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

export const VerifyLicenseQuery = graphql(`
  query VerifyLicense($serial: String, $file: String) {
    verifyLicense(serial: $serial, file: $file) {
      valid
      problems
      license {
        id
        serial
        name
        status
        customer {
          id
          name
        }
      }
    }
  }
`)

export const LicenseSigningKeyQuery = graphql(`
  query LicenseSigningKey {
    licenseSigningKey {
      algorithm
      keyId
      publicKeyPem
    }
  }
`)
