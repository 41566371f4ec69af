import { afterEach, describe, expect, it, vi } from 'vitest'
import { gql } from 'urql'
import { createGraphqlClient } from './graphql-client'

describe('createGraphqlClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('sends the app language as Accept-Language, for names the admin gave per language', async () => {
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ data: { pipelines: [] } }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const client = createGraphqlClient({ accessToken: 'token', language: 'zh-CN' })
    await client
      .query(
        gql`
          {
            pipelines {
              id
            }
          }
        `,
        {},
      )
      .toPromise()
    const init = fetch.mock.calls[0]![1]!
    expect(new Headers(init.headers)).toSatisfy(
      (headers: Headers) =>
        headers.get('Accept-Language') === 'zh-CN' &&
        headers.get('Authorization') === 'Bearer token',
    )
  })
})
