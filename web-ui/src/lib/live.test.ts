import { CombinedError } from 'urql'
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { afterStreamError, backoffMs } from './live'

const withCode = (code: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError('ended', { extensions: { code } })] })

describe('backoffMs', () => {
  it('doubles from one second up to thirty, plus at most a third of jitter', () => {
    expect(backoffMs(0, () => 0)).toBe(1000)
    expect(backoffMs(3, () => 0)).toBe(8000)
    expect(backoffMs(10, () => 0)).toBe(30_000)
    expect(backoffMs(10, () => 0.999)).toBeLessThanOrEqual(40_000)
  })
})

describe('afterStreamError', () => {
  it('restarts the socket at once when the token expired, to send the current one', () => {
    expect(afterStreamError(withCode('TOKEN_EXPIRED'), 0)).toEqual({ delayMs: 0, restart: true })
  })

  it('subscribes again at once after falling behind', () => {
    expect(afterStreamError(withCode('SUBSCRIBER_TOO_SLOW'), 0)).toEqual({
      delayMs: 0,
      restart: false,
    })
  })

  it('backs off after the socket was refused (4401) or gave up', () => {
    const refused = new CombinedError({
      networkError: Object.assign(new Error('4401: Unauthorized'), { code: 4401 }),
    })
    const next = afterStreamError(refused, 2)
    expect(next?.restart).toBe(false)
    expect(next?.delayMs).toBeGreaterThanOrEqual(4000)
  })

  it('gives up on errors another try would repeat', () => {
    expect(afterStreamError(withCode('FORBIDDEN'), 0)).toBeNull()
    expect(afterStreamError(new CombinedError({ graphQLErrors: ['not found'] }), 0)).toBeNull()
  })
})
