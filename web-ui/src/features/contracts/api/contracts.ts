import { graphql } from '../../../gql'

export const ContractListQuery = graphql(`
  query ContractList(
    $customerId: ID
    $status: [ContractStatus!]
    $search: String
    $first: Int
    $after: String
  ) {
    contracts(
      customerId: $customerId
      status: $status
      search: $search
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
          ...ContractRowFields
        }
      }
    }
  }
`)

export const ContractQuery = graphql(`
  query Contract($id: ID!) {
    contract(id: $id) {
      id
      version
      customer {
        id
      }
      ...ContractHeaderFields
      ...ContractDocumentsFields
      ...ContractStagesFields
      ...ContractPlanFields
    }
  }
`)

/** Who may own a work or be assigned a task. */
export const ContractPeopleQuery = graphql(`
  query ContractPeople {
    users {
      id
      name
    }
  }
`)

/** What a new contract rests on: a quote (with its deal's customer) or an order. */
export const ContractSourceQuery = graphql(`
  query ContractSource(
    $quoteId: ID!
    $orderId: ID!
    $customerId: ID!
    $withQuote: Boolean!
    $withOrder: Boolean!
    $withCustomer: Boolean!
  ) {
    quote(id: $quoteId) @include(if: $withQuote) {
      id
      number
      status
      total {
        amount
        currency
      }
      opportunity {
        id
        name
        customer {
          id
          name
        }
      }
    }
    order(id: $orderId) @include(if: $withOrder) {
      id
      number
      total {
        amount
        currency
      }
      opportunity {
        id
      }
      customer {
        id
        name
      }
    }
    customer(id: $customerId) @include(if: $withCustomer) {
      id
      name
    }
  }
`)

export const ContractCustomerSearchQuery = graphql(`
  query ContractCustomerSearch($search: String!) {
    customers(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`)

export const PlannedWorkQuery = graphql(`
  query PlannedWork($from: Date!, $to: Date!, $assigneeId: ID) {
    plannedWork(from: $from, to: $to, assigneeId: $assigneeId) {
      month
      plannedHours
      tasks
      person {
        id
        name
      }
    }
  }
`)

export const CreateContractMutation = graphql(`
  mutation CreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      contract {
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

export const UpdateContractMutation = graphql(`
  mutation UpdateContract($input: UpdateContractInput!) {
    updateContract(input: $input) {
      contract {
        id
        version
        ...ContractHeaderFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ChangeContractStatusMutation = graphql(`
  mutation ChangeContractStatus($input: ChangeContractStatusInput!) {
    changeContractStatus(input: $input) {
      contract {
        id
        version
        ...ContractHeaderFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteContractMutation = graphql(`
  mutation DeleteContract($input: DeleteContractInput!) {
    deleteContract(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteContractDocumentMutation = graphql(`
  mutation DeleteContractDocument($input: DeleteContractDocumentInput!) {
    deleteContractDocument(input: $input) {
      contract {
        id
        version
        ...ContractDocumentsFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreateContractStageMutation = graphql(`
  mutation CreateContractStage($input: CreateContractStageInput!) {
    createContractStage(input: $input) {
      stage {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateContractStageMutation = graphql(`
  mutation UpdateContractStage($input: UpdateContractStageInput!) {
    updateContractStage(input: $input) {
      stage {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AcceptContractStageMutation = graphql(`
  mutation AcceptContractStage($input: AcceptInput!) {
    acceptContractStage(input: $input) {
      stage {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteContractStageMutation = graphql(`
  mutation DeleteContractStage($input: DeleteInput!) {
    deleteContractStage(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreateContractWorkMutation = graphql(`
  mutation CreateContractWork($input: CreateContractWorkInput!) {
    createContractWork(input: $input) {
      work {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateContractWorkMutation = graphql(`
  mutation UpdateContractWork($input: UpdateContractWorkInput!) {
    updateContractWork(input: $input) {
      work {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AcceptContractWorkMutation = graphql(`
  mutation AcceptContractWork($input: AcceptInput!) {
    acceptContractWork(input: $input) {
      work {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ReopenContractWorkMutation = graphql(`
  mutation ReopenContractWork($input: ReopenInput!) {
    reopenContractWork(input: $input) {
      work {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteContractWorkMutation = graphql(`
  mutation DeleteContractWork($input: DeleteInput!) {
    deleteContractWork(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        id
        ...GanttTaskFields
      }
      movedTasks {
        id
        ...GanttTaskFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        id
        ...GanttTaskFields
      }
      movedTasks {
        id
        ...GanttTaskFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteTaskMutation = graphql(`
  mutation DeleteTask($input: DeleteInput!) {
    deleteTask(input: $input) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddTaskDependencyMutation = graphql(`
  mutation AddTaskDependency($input: TaskDependencyInput!) {
    addTaskDependency(input: $input) {
      task {
        id
        ...GanttTaskFields
      }
      movedTasks {
        id
        ...GanttTaskFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RemoveTaskDependencyMutation = graphql(`
  mutation RemoveTaskDependency($input: TaskDependencyInput!) {
    removeTaskDependency(input: $input) {
      task {
        id
        ...GanttTaskFields
      }
      movedTasks {
        id
        ...GanttTaskFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

/** Events of the contract's customer: the contract page reloads on CONTRACT_* events. */
export const ContractCustomerEventsSubscription = graphql(`
  subscription ContractCustomerEvents($customerId: ID!) {
    customerEvents(customerId: $customerId) {
      position
      type
      aggregateType
      aggregateId
      aggregateVersion
    }
  }
`)
