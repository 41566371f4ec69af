import { graphql } from '../../../gql'

export const OrderListQuery = graphql(`
  query OrderList($status: OrderStatus, $customerId: ID, $first: Int, $after: String) {
    orders(status: $status, customerId: $customerId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          number
          status
          createdAt
          customer {
            id
            name
          }
          total {
            amount
            currency
          }
        }
      }
    }
  }
`)

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      id
      ...OrderFields
    }
  }
`)

export const ShipmentQuery = graphql(`
  query Shipment($id: ID!) {
    shipment(id: $id) {
      id
      number
      shippedOn
      createdAt
      licensesIssued
      createdBy {
        id
        name
        vendor
      }
      customer {
        id
        name
        protectionKeys {
          id
          keyNumber
          name
          status
        }
      }
      order {
        id
        number
        currency
      }
      invoice {
        id
        number
      }
      lines {
        id
        quantity
        amount {
          amount
          currency
        }
        orderLine {
          id
          position
          description
          editionCode
          product {
            id
            code
            name
            kind
          }
        }
      }
      licenses {
        id
        serial
        name
        seats
        status
        endsOn
      }
    }
  }
`)

export const InvoiceQuery = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      currency
      issuedOn
      dueOn
      createdAt
      createdBy {
        id
        name
        vendor
      }
      customer {
        id
        name
      }
      total {
        amount
        currency
      }
      shipments {
        id
        number
        shippedOn
        order {
          id
          number
        }
        lines {
          id
          amount {
            amount
            currency
          }
        }
      }
    }
  }
`)

/** The customer's shipments, through their orders: which can go on one invoice. */
export const InvoiceableShipmentsQuery = graphql(`
  query InvoiceableShipments($customerId: ID!) {
    orders(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          number
          currency
          shipments {
            id
            number
            shippedOn
            invoice {
              id
            }
          }
        }
      }
    }
  }
`)

export const DocumentFlowQuery = graphql(`
  query DocumentFlow($id: ID!) {
    documentFlow(id: $id) {
      documents {
        __typename
        ... on Quote {
          id
          documentNumber
          quoteStatus: status
          opportunity {
            id
          }
        }
        ... on Order {
          id
          orderNumber: number
          orderStatus: status
        }
        ... on Shipment {
          id
          shipmentNumber: number
        }
        ... on Contract {
          id
          contractNumber: number
        }
        ... on Invoice {
          id
          invoiceNumber: number
        }
        ... on Payment {
          id
          paymentNumber: number
        }
      }
      links {
        from
        to
      }
    }
  }
`)

export const OrderCustomerOptionsQuery = graphql(`
  query OrderCustomerOptions($search: String) {
    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`)

export const OrderCustomerQuery = graphql(`
  query OrderCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
    }
  }
`)

// The API pages by at most 100: a larger catalogue needs a searching picker.
export const OrderProductOptionsQuery = graphql(`
  query OrderProductOptions {
    products(first: 100) {
      edges {
        node {
          id
          code
          name
          kind
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

export const ProductPriceQuery = graphql(`
  query ProductPrice($id: ID!, $currency: String!, $editionCode: String) {
    product(id: $id) {
      id
      price(currency: $currency, editionCode: $editionCode) {
        amount
        currency
      }
    }
  }
`)

export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
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

export const CreateOrderFromQuoteMutation = graphql(`
  mutation CreateOrderFromQuote($input: CreateOrderFromQuoteInput!) {
    createOrderFromQuote(input: $input) {
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

export const CancelOrderMutation = graphql(`
  mutation CancelOrder($input: DocumentStateInput!) {
    cancelOrder(input: $input) {
      order {
        id
        ...OrderFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreateShipmentMutation = graphql(`
  mutation CreateShipment($input: CreateShipmentInput!) {
    createShipment(input: $input) {
      shipment {
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

export const CreateInvoiceMutation = graphql(`
  mutation CreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      invoice {
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

export const IssueLicensesMutation = graphql(`
  mutation IssueLicenses($input: IssueLicensesInput!) {
    issueLicenses(input: $input) {
      shipment {
        id
        licensesIssued
        licenses {
          id
          serial
          name
          seats
          status
          endsOn
        }
      }
      licenses {
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

export const DeleteDocumentMutation = graphql(`
  mutation DeleteDocument($input: DeleteDocumentInput!) {
    deleteDocument(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const InvoiceListQuery = graphql(`
  query InvoiceList($first: Int, $after: String) {
    invoices(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          number
          issuedOn
          dueOn
          customer {
            id
            name
          }
          total {
            amount
            currency
          }
        }
      }
    }
  }
`)

/** One customer's invoices, newest first, for the customer page. */
export const CustomerInvoicesQuery = graphql(`
  query CustomerInvoices($customerId: ID!, $first: Int, $after: String) {
    invoices(customerId: $customerId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          issuedOn
          dueOn
          total {
            amount
            currency
          }
        }
      }
    }
  }
`)
