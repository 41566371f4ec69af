import { graphql } from '../../../gql'

export const ProductListQuery = graphql(`
  query ProductList(
    $search: String
    $kind: ProductKind
    $includeRetired: Boolean
    $first: Int
    $after: String
  ) {
    products(
      search: $search
      kind: $kind
      includeRetired: $includeRetired
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
          code
          name
          kind
          licenseModel
          active
          editions {
            code
            name
            active
          }
        }
      }
    }
  }
`)

export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      id
      ...ProductFields
    }
  }
`)

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product {
        id
        ...ProductFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      product {
        id
        ...ProductFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RetireProductMutation = graphql(`
  mutation RetireProduct($input: ProductStateInput!) {
    retireProduct(input: $input) {
      product {
        id
        ...ProductFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ReactivateProductMutation = graphql(`
  mutation ReactivateProduct($input: ProductStateInput!) {
    reactivateProduct(input: $input) {
      product {
        id
        ...ProductFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
