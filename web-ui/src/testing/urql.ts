import type { OperationDefinitionNode } from 'graphql'
import { Client, makeErrorResult, makeResult, type Exchange, type Operation } from 'urql'
import { filter, map, pipe } from 'wonka'

type Handler = (variables: Record<string, unknown>) => Record<string, unknown>

/**
 * A urql client that answers each operation by name from `handlers` (the `data` of the result),
 * without a network, and records every operation it saw.
 */
export function createStubClient(handlers: Record<string, Handler>) {
  const operations: Operation[] = []
  const stubExchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      map((operation) => {
        operations.push(operation)
        const name = operationName(operation)
        const handler = name ? handlers[name] : undefined
        if (!handler) {
          return makeErrorResult(operation, new Error(`No stub for operation ${name}`))
        }
        return makeResult(operation, {
          data: handler(operation.variables as Record<string, unknown>),
        })
      }),
    )
  const client = new Client({ url: '/graphql', exchanges: [stubExchange] })
  return {
    client,
    operations,
    /** The variables of every operation with this name, in order. */
    variablesOf: (name: string) =>
      operations.filter((operation) => operationName(operation) === name).map((o) => o.variables),
  }
}

function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === 'OperationDefinition',
  )
  return definition?.name?.value
}
