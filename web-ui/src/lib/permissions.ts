import { createContext, useCallback, useContext } from 'react'
import type { Action, Subject } from '../gql/graphql'

/** That the signed-in user may take `action` on objects of the kind `subject`. */
export type Permission = { readonly action: Action; readonly subject: Subject }

/** Whether `permissions` (the API's `viewer.permissions`) allow the action on the subject. */
export function can(
  permissions: readonly Permission[] | undefined,
  action: Action,
  subject: Subject,
): boolean {
  return Boolean(permissions?.some((p) => p.action === action && p.subject === subject))
}

/**
 * The signed-in user's permissions, provided by the app shell from the viewer query. Outside a
 * provider nobody may do anything: a button appears only when the API said yes.
 */
export const PermissionsContext = createContext<readonly Permission[]>([])

/** `can(action, subject)` for the signed-in user: what to show, the API checks again on submit. */
export function useCan(): (action: Action, subject: Subject) => boolean {
  const permissions = useContext(PermissionsContext)
  return useCallback(
    (action: Action, subject: Subject) => can(permissions, action, subject),
    [permissions],
  )
}
