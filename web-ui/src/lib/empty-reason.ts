/**
 * Why a list shows nothing: nothing matches what was typed in its search, nothing passes its
 * other filters, or nothing exists yet. People act differently on each (fix the search, clear
 * the filters, create the first one), so each list says which.
 */
export type EmptyReason = 'search' | 'filters' | 'none'

/** The search wins, being what was typed last; a blank search counts as none. */
export function emptyReason(search: string | null | undefined, filtered: boolean): EmptyReason {
  if (search?.trim()) return 'search'
  return filtered ? 'filters' : 'none'
}
