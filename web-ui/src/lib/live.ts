import { createClient, type Client as WsClient } from 'graphql-ws'
import { subscriptionExchange, type CombinedError, type Exchange } from 'urql'

export const GRAPHQL_WS_PATH = '/graphql-ws'

/**
 * The state of the live connection, as the indicator on live screens shows it: `connecting`
 * before the first answer, `live` while the socket is up, `reconnecting` after it dropped.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

/** A store of the live status for `useSyncExternalStore`. */
export type LiveStatusStore = {
  get: () => LiveStatus
  subscribe: (listener: () => void) => () => void
}

export type LiveConnection = {
  exchange: Exchange
  status: LiveStatusStore
  /** Closes the socket so that it reconnects at once, sending the token read afresh. */
  restart: () => void
}

/** 1, 2, 4 … 30 s with up to a third of jitter, so that many tabs do not reconnect in step. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt)
  return Math.round(base * (1 + random() / 3))
}

const wsUrl = (location: Location) =>
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_WS_PATH}`

/**
 * Subscriptions over graphql-ws (graphql-transport-ws) to `/graphql-ws` on the app's own origin,
 * proxied to the API like `/graphql`. The socket opens with the first subscription and closes
 * after the last; `getAccessToken` is asked again on every (re)connect, so a reconnect sends the
 * current token. Dropped sockets are reopened with backoff; 4401 (bad token) is not retried here
 * but by the screen's subscription (use-live-subscription.ts), which reads the token again.
 */
export function createLiveConnection(
  getAccessToken: () => Promise<string | undefined>,
  location: Location = window.location,
): LiveConnection {
  let status: LiveStatus = 'connecting'
  const listeners = new Set<() => void>()
  const setStatus = (next: LiveStatus) => {
    if (next === status) return
    status = next
    listeners.forEach((listener) => listener())
  }
  let socket: WebSocket | null = null

  const client: WsClient = createClient({
    url: wsUrl(location),
    connectionParams: async () => {
      const token = await getAccessToken()
      return token ? { Authorization: `Bearer ${token}` } : {}
    },
    retryAttempts: 20,
    // a dropped connection or a failed handshake: try again (graphql-ws never retries 4401 & co.)
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries))),
    on: {
      connected: (opened) => {
        socket = opened as WebSocket
        setStatus('live')
      },
      closed: (event) => {
        socket = null
        // 1000: closed after the last subscription ended (lazy), nothing was lost
        if ((event as { code?: number } | undefined)?.code === 1000) setStatus('connecting')
        else if (status === 'live') setStatus('reconnecting')
      },
    },
  })

  const exchange = subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' }
      return {
        subscribe(sink) {
          return { unsubscribe: client.subscribe(input, sink) }
        },
      }
    },
  })

  return {
    exchange,
    status: {
      get: () => status,
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    // 4205 is not one of the codes graphql-ws gives up on: it reconnects with fresh params
    restart: () => socket?.close(4205, 'Client restart'),
  }
}

/** The `extensions.code` of the first GraphQL error that carries one. */
function errorCode(error: CombinedError): string | undefined {
  for (const graphQLError of error.graphQLErrors) {
    const code = graphQLError.extensions?.code
    if (typeof code === 'string') return code
  }
  return undefined
}

/**
 * What a screen's subscription does after its stream ended with `error`: subscribe again after
 * the returned delay (restarting the socket first when `restart`), or give up (null) for errors
 * that another try would only repeat (no permission, not found, bad input).
 */
export function afterStreamError(
  error: CombinedError,
  attempt: number,
): { delayMs: number; restart: boolean } | null {
  const code = errorCode(error)
  // the socket's token expired: a new socket sends the current one
  if (code === 'TOKEN_EXPIRED') return { delayMs: 0, restart: true }
  // fell behind the live feed: start again from now (the screen refetches what it missed)
  if (code === 'SUBSCRIBER_TOO_SLOW') return { delayMs: 0, restart: false }
  // 4401 (token refused, read again on the next try) or the socket gave up retrying
  if (error.networkError) return { delayMs: backoffMs(attempt), restart: false }
  return null
}
