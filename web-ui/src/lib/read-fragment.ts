/**
 * The client preset's `useFragment` is a plain function, not a React hook: it only narrows a
 * masked fragment reference to the fragment's type. Components call it as `useFragment`; event
 * handlers and helpers (a mutation's answer, the board's optimistic state) call it by this name,
 * which rules-of-hooks does not mistake for a hook.
 */
export { useFragment as readFragment } from '../gql'
