import { Client, cacheExchange, fetchExchange, mapExchange, type Exchange } from 'urql'

export const GRAPHQL_URL = '/graphql'

export type GraphqlClientOptions = {
  /** The OAuth2 access token sent as `Authorization: Bearer …`. */
  accessToken?: string
  /** Called when the API answers 401: the token is missing, expired or revoked. */
  onUnauthorized?: () => void
  /** The app's language, sent as `Accept-Language`: the API names stages and the like in it. */
  language?: string
  /** Carries subscriptions (live.ts); without it the client has queries and mutations only. */
  subscriptions?: Exchange
}

/**
 * One client per signed-in user and language, so that one user's cached data never shows for
 * another, and names cached in one language never show in another.
 * Queries go as POST to the same origin; the dev server and `vite preview` proxy them to the API.
 */
export function createGraphqlClient({
  accessToken,
  onUnauthorized,
  language,
  subscriptions,
}: GraphqlClientOptions): Client {
  return new Client({
    url: GRAPHQL_URL,
    // The API answers GET with 405.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = {}
      if (accessToken) headers.Authorization = `Bearer ${accessToken}`
      if (language) headers['Accept-Language'] = language
      return { headers }
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const status = (error.response as Response | undefined)?.status
          if (status === 401) onUnauthorized?.()
        },
      }),
      cacheExchange,
      fetchExchange,
      ...(subscriptions ? [subscriptions] : []),
    ],
  })
}
