import { useContext, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveStatus } from '../lib/live'
import { LiveConnectionContext } from '../lib/live-context'

const SIGNED_OUT = { get: (): LiveStatus => 'connecting', subscribe: () => () => {} }

/** A small "Live" / "Reconnecting…" note on screens that update by themselves. */
export function LiveIndicator() {
  const { t } = useTranslation()
  const store = useContext(LiveConnectionContext)?.status ?? SIGNED_OUT
  const status = useSyncExternalStore(store.subscribe, store.get)
  return (
    <p className={`live-indicator live-${status}`} role="status" data-live={status}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </p>
  )
}
