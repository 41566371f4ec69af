import { expect, type Page } from '@playwright/test'

/**
 * Sends a GraphQL operation as the user signed in on `page`, from the page itself (same origin,
 * through the app's proxy, with the access token oidc-client-ts keeps in sessionStorage), and
 * returns its data; fails on GraphQL errors and on any `userErrors` in the answer.
 */
export async function graphql<T = Record<string, unknown>>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
      const token = key
        ? (JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token as string)
        : ''
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
      return (await response.json()) as { data?: unknown; errors?: unknown[] }
    },
    { query, variables },
  )
  expect(answer.errors ?? [], JSON.stringify(answer.errors)).toEqual([])
  const data = answer.data as Record<string, { userErrors?: unknown[] } | null>
  for (const payload of Object.values(data ?? {})) {
    expect(payload?.userErrors ?? [], JSON.stringify(payload)).toEqual([])
  }
  return data as T
}
