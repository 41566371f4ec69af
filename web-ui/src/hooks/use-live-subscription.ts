import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useContext, useEffect, useLayoutEffect, useRef } from 'react'
import { useClient, type AnyVariables } from 'urql'
import { pipe, subscribe } from 'wonka'
import { afterStreamError } from '../lib/live'
import { LiveConnectionContext } from '../lib/live-context'

/**
 * Keeps a subscription of an open screen running: `onData` gets each pushed result. Entity
 * subscriptions deliver changes "from now on", so whenever the stream had to start again (the
 * socket came back, the token was renewed, the screen fell behind) `onResync` runs, for the
 * screen to refetch what it may have missed. A stream ended by a lasting error (no permission,
 * not found) stays ended; the screen still works without live updates.
 */
export function useLiveSubscription<D, V extends AnyVariables>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  onData: (data: D) => void,
  { pause = false, onResync }: { pause?: boolean; onResync?: () => void } = {},
) {
  const client = useClient()
  const live = useContext(LiveConnectionContext)
  const key = JSON.stringify(variables)
  const handlers = useRef({ onData, onResync })
  useLayoutEffect(() => {
    handlers.current = { onData, onResync }
  })

  useEffect(() => {
    if (pause || !live) return
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let stop = () => {}

    const start = (again: boolean) => {
      if (again) handlers.current.onResync?.()
      const stream = pipe(
        client.subscription(query, JSON.parse(key) as V),
        subscribe((result) => {
          if (result.data) {
            attempt = 0
            handlers.current.onData(result.data)
          }
          if (!result.error) return
          const next = afterStreamError(result.error, attempt)
          if (!next) return
          attempt += 1
          if (next.restart) live.restart()
          timer = setTimeout(() => {
            stream.unsubscribe()
            start(true)
          }, next.delayMs)
        }),
      )
      stop = stream.unsubscribe
    }
    start(false)

    // the socket dropped and came back: changes made in between were not pushed
    let previous = live.status.get()
    const unlisten = live.status.subscribe(() => {
      const now = live.status.get()
      if (previous === 'reconnecting' && now === 'live') handlers.current.onResync?.()
      previous = now
    })

    return () => {
      clearTimeout(timer)
      unlisten()
      stop()
    }
  }, [client, live, key, pause, query])
}
