import { graphql } from '../../../gql'

/** An order's payment schedule: the order's total and customer, and its active plan. */
export const OrderScheduleQuery = graphql(`
  query OrderSchedule($id: ID!) {
    order(id: $id) {
      id
      number
      currency
      total {
        amount
        currency
      }
      customer {
        id
        name
      }
      paymentPlan {
        id
        ...PaymentPlanFields
      }
    }
  }
`)

/** A contract's payment schedule, with its stages for "on acceptance of stage N" terms. */
export const ContractScheduleQuery = graphql(`
  query ContractSchedule($id: ID!) {
    contract(id: $id) {
      id
      number
      currency
      total {
        amount
        currency
      }
      customer {
        id
        name
      }
      stages {
        id
        position
        name
      }
      paymentPlan {
        id
        ...PaymentPlanFields
      }
    }
  }
`)

/** One version of a plan, e.g. a superseded one from the history. */
export const PaymentPlanQuery = graphql(`
  query PaymentPlan($id: ID!) {
    paymentPlan(id: $id) {
      id
      ...PaymentPlanFields
    }
  }
`)

export const CreatePaymentPlanMutation = graphql(`
  mutation CreatePaymentPlan($input: CreatePaymentPlanInput!) {
    createPaymentPlan(input: $input) {
      paymentPlan {
        id
        ...PaymentPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RenegotiatePaymentPlanMutation = graphql(`
  mutation RenegotiatePaymentPlan($input: RenegotiatePaymentPlanInput!) {
    renegotiatePaymentPlan(input: $input) {
      paymentPlan {
        id
        ...PaymentPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const WriteOffPlannedPaymentMutation = graphql(`
  mutation WriteOffPlannedPayment($input: WriteOffPlannedPaymentInput!) {
    writeOffPlannedPayment(input: $input) {
      paymentPlan {
        id
        ...PaymentPlanFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const InvoicePlannedPaymentMutation = graphql(`
  mutation InvoicePlannedPayment($input: InvoicePlannedPaymentInput!) {
    invoicePlannedPayment(input: $input) {
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

/**
 * What a payment can be put against: the customer's invoices and the planned payments of its
 * orders' and contracts' plans (the API pages by at most 100).
 */
export const AllocationTargetsQuery = graphql(`
  query AllocationTargets($customerId: ID!) {
    invoices(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          number
          currency
          dueOn
          paymentStatus
          open {
            amount
            currency
          }
        }
      }
    }
    orders(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          paymentPlan {
            id
            ...AllocationPlanFields
          }
        }
      }
    }
    contracts(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          paymentPlan {
            id
            ...AllocationPlanFields
          }
        }
      }
    }
  }
`)

export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      payment {
        id
        number
      }
      replayed
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RecordRefundMutation = graphql(`
  mutation RecordRefund($input: RecordRefundInput!) {
    recordRefund(input: $input) {
      payment {
        id
        number
      }
      replayed
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** The invoice page's payment part: status, what is paid and open, and the allocations. */
export const InvoicePaymentsQuery = graphql(`
  query InvoicePayments($id: ID!) {
    invoice(id: $id) {
      id
      number
      currency
      customer {
        id
        name
      }
      total {
        amount
        currency
      }
      paid {
        amount
        currency
      }
      open {
        amount
        currency
      }
      paymentStatus
      plannedPayments {
        id
        label
        plan {
          id
          order {
            id
            number
          }
          contract {
            id
            number
          }
        }
      }
      allocations {
        id
        ...AllocationFields
      }
    }
  }
`)

export const PaymentListQuery = graphql(`
  query PaymentList($customerId: ID, $first: Int, $after: String) {
    payments(customerId: $customerId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          number
          kind
          receivedOn
          method
          reference
          customer {
            id
            name
          }
          amount {
            amount
            currency
          }
          unallocated {
            amount
            currency
          }
        }
      }
    }
  }
`)

export const PaymentQuery = graphql(`
  query Payment($id: ID!) {
    payment(id: $id) {
      id
      number
      kind
      receivedOn
      method
      reference
      exchangeRate
      createdAt
      createdBy {
        id
        name
      }
      customer {
        id
        name
      }
      amount {
        amount
        currency
      }
      unallocated {
        amount
        currency
      }
      allocations {
        id
        ...AllocationFields
      }
    }
  }
`)

/** The customer page's billing card: credit per currency and the latest payments. */
export const CustomerBillingQuery = graphql(`
  query CustomerBilling($id: ID!) {
    customer(id: $id) {
      id
      name
      credit {
        amount
        currency
      }
      payments(first: 5) {
        edges {
          node {
            id
            number
            kind
            receivedOn
            amount {
              amount
              currency
            }
          }
        }
      }
    }
  }
`)

export const LicensePaymentPlanQuery = graphql(`
  query LicensePaymentPlan($id: ID!) {
    license(id: $id) {
      id
      licenseModel
      endsOn
      paidUntil
      customer {
        id
      }
      paymentPlan {
        id
        planVersion
        order {
          id
          number
        }
        contract {
          id
          number
        }
      }
    }
  }
`)

/** The plans a license can be bound to: those of the customer's orders and contracts. */
export const CustomerPlansQuery = graphql(`
  query CustomerPlans($customerId: ID!) {
    orders(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          number
          paymentPlan {
            id
            planVersion
          }
        }
      }
    }
    contracts(customerId: $customerId, first: 100) {
      edges {
        node {
          id
          number
          paymentPlan {
            id
            planVersion
          }
        }
      }
    }
  }
`)

export const BindLicenseToPaymentPlanMutation = graphql(`
  mutation BindLicenseToPaymentPlan($input: BindLicenseToPaymentPlanInput!) {
    bindLicenseToPaymentPlan(input: $input) {
      license {
        id
        endsOn
        paidUntil
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CollectionsQuery = graphql(`
  query Collections($asOf: Date) {
    collections(asOf: $asOf) {
      asOf
      dueThisWeek {
        dueOn
        daysOverdue
        customer {
          id
          name
        }
        plannedPayment {
          id
          label
          status
        }
        invoice {
          id
          number
        }
        open {
          amount
          currency
        }
      }
      totals {
        ...AgeingRowFields
      }
      byCustomer {
        customer {
          id
          name
        }
        ...AgeingRowFields
      }
      byOwner {
        owner {
          id
          name
        }
        ...AgeingRowFields
      }
      byPartner {
        partner {
          id
          name
        }
        ...AgeingRowFields
      }
      receivedByMonth {
        month
        amount {
          amount
          currency
        }
      }
    }
  }
`)

export const CustomerStatementQuery = graphql(`
  query CustomerStatement($customerId: ID!, $from: Date!, $to: Date!, $currency: String!) {
    customer(id: $customerId) {
      id
      name
    }
    customerStatement(customerId: $customerId, from: $from, to: $to, currency: $currency) {
      currency
      from
      to
      openingBalance {
        amount
        currency
      }
      lines {
        date
        kind
        reference
        debit {
          amount
          currency
        }
        credit {
          amount
          currency
        }
        planned {
          amount
          currency
        }
        balance {
          amount
          currency
        }
      }
      invoiced {
        amount
        currency
      }
      received {
        amount
        currency
      }
      refunded {
        amount
        currency
      }
      planned {
        amount
        currency
      }
      closingBalance {
        amount
        currency
      }
      credit {
        amount
        currency
      }
    }
  }
`)

export const IncomeBudgetQuery = graphql(`
  query IncomeBudget($from: Date!, $to: Date!, $currency: String!) {
    incomeBudget(from: $from, to: $to, currency: $currency) {
      month
      planned {
        amount
        currency
      }
      weightedPipeline {
        amount
        currency
      }
      expected {
        amount
        currency
      }
      received {
        amount
        currency
      }
    }
  }
`)

/** What changed about a customer; billing screens reload on payments and plans. */
export const BillingEventsSubscription = graphql(`
  subscription BillingEvents($customerId: ID!) {
    customerEvents(customerId: $customerId) {
      position
      type
      aggregateType
    }
  }
`)
