import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core'
import type { OperationDefinitionNode } from 'graphql'
import {
  Client,
  cacheExchange,
  makeErrorResult,
  makeResult,
  type Exchange,
  type Operation,
} from 'urql'
import { filter, map, pipe } from 'wonka'
import type * as Generated from '../gql/graphql'

/** Every operation of the app by name, e.g. `CustomerList` → `CustomerListDocument`. */
type Documents = {
  [
    K in keyof typeof Generated as K extends `${infer Name}Document` ? Name : never
  ]: (typeof Generated)[K]
}
export type OperationName = keyof Documents

/**
 * What a stub answers for one operation: the operation's generated result type (plus the
 * `__typename`s the server adds), so a stub cannot drift from the schema or the document. Data of a masked fragment is written with
 * `makeFragmentData(data, XxxFragmentDoc)` from `src/gql`.
 */
export type StubHandlers = {
  [Name in OperationName]?: (variables: VariablesOf<Documents[Name]>) => StubAnswer<Name>
}

/** The data a stub answers `Name` with, e.g. `StubAnswer<'CreateCustomer'>['createCustomer']`. */
export type StubAnswer<Name extends OperationName> = WithTypenames<ResultOf<Documents[Name]>>

/** The answer as the server sends it: any object may also carry its `__typename`. */
type WithTypenames<T> = T extends readonly (infer E)[]
  ? readonly WithTypenames<E>[]
  : T extends object
    ? { [K in keyof T]: WithTypenames<T[K]> } & { __typename?: string }
    : T

type Handler = (variables: Record<string, unknown>) => unknown

/**
 * A urql client that answers each operation by name from `handlers` (the `data` of the result),
 * without a network, and records every operation it saw. With `documentCache`, the app's
 * document cache sits in front, so a mutation's answer refetches the queries that showed its
 * `__typename`s, as in the app.
 */
export function createStubClient(
  stubs: StubHandlers,
  { documentCache = false }: { documentCache?: boolean } = {},
) {
  const handlers = stubs as Record<string, Handler | undefined>
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
          data: handler(operation.variables as Record<string, unknown>) as Record<string, unknown>,
        })
      }),
    )
  const client = new Client({
    url: '/graphql',
    exchanges: documentCache ? [cacheExchange, stubExchange] : [stubExchange],
  })
  return {
    client,
    operations,
    /** The variables of every operation with this name, in order. */
    variablesOf: (name: OperationName) =>
      operations.filter((operation) => operationName(operation) === name).map((o) => o.variables),
  }
}

function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === 'OperationDefinition',
  )
  return definition?.name?.value
}
