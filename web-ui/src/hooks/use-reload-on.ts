import { useEffect, useRef } from 'react'

/** Calls `reload` each time `key` changes (not on the first render): "this changed, fetch again". */
export function useReloadOn(key: unknown, reload: () => void) {
  const shown = useRef(key)
  useEffect(() => {
    if (Object.is(shown.current, key)) return
    shown.current = key
    reload()
  }, [key, reload])
}
