import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * One counter per section of a screen, for sections that reload when their counter changes
 * (`useConnectionPages`' `refreshKey`). `touch` marks sections as changed; they reload together
 * `delayMs` later, so a burst of events (one business action writes several) costs one reload.
 */
export function useRefreshKeys<S extends string>(delayMs = 300) {
  const [keys, setKeys] = useState<Partial<Record<S, number>>>({})
  const waiting = useRef(new Set<S>())
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const touch = useCallback(
    (...sections: S[]) => {
      sections.forEach((section) => waiting.current.add(section))
      if (timer.current !== undefined) return
      timer.current = setTimeout(() => {
        timer.current = undefined
        const due = [...waiting.current]
        waiting.current.clear()
        setKeys((previous) => {
          const next = { ...previous }
          for (const section of due) next[section] = (next[section] ?? 0) + 1
          return next
        })
      }, delayMs)
    },
    [delayMs],
  )
  return { keys, touch }
}
