/** An object the API versions: every change raises `version` by one. */
export type Versioned = { readonly version: number }

/**
 * Whether a pushed copy of an object should replace the one on screen: only when it is newer.
 * The user's own change arrives twice — in the mutation's answer and then pushed by the live
 * feed — and the second, no newer than the first, must change nothing.
 */
export function isNewer(incoming: Versioned, shown: Versioned | null | undefined): boolean {
  return !shown || incoming.version > shown.version
}
