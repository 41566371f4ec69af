import type { UserErrorCode } from '../gql/graphql'

/** A server `UserError` (or a client-side check shaped like one). */
export type UserErrorLike = {
  field?: readonly string[] | null
  code: UserErrorCode
  message: string
}

export type MappedUserErrors<E extends UserErrorLike = UserErrorLike> = {
  /** Errors by form field key, e.g. `name`, `contacts.0.emails.1`, `contact.lastName`. */
  byField: Record<string, E[]>
  /** Errors about the whole input, or about a field the form does not show. */
  general: E[]
}

/**
 * The form field key of an error path: the `input` argument name is dropped and the rest joined
 * with dots, so `["input", "contacts", "0", "emails", "1"]` becomes `contacts.0.emails.1`.
 * Returns undefined when the error concerns the whole input.
 */
export function fieldKeyOf(path: readonly string[] | null | undefined): string | undefined {
  if (!path || path.length === 0) return undefined
  const segments = path[0] === 'input' ? path.slice(1) : path
  return segments.length === 0 ? undefined : segments.join('.')
}

/**
 * Puts each error at the most precise field the form shows: the full path if the form has it,
 * else the nearest ancestor (`tags.3` → `tags`, `contacts.0.emails.7` → `contacts.0.emails`).
 * Errors with no path, or whose path matches nothing in the form, go to `general`.
 */
export function mapUserErrors<E extends UserErrorLike>(
  errors: readonly E[],
  knownFields: Iterable<string>,
): MappedUserErrors<E> {
  const known = new Set(knownFields)
  const result: MappedUserErrors<E> = { byField: {}, general: [] }
  for (const error of errors) {
    const key = fieldKeyOf(error.field)
    const target = key === undefined ? undefined : nearestKnown(key.split('.'), known)
    if (target === undefined) {
      result.general.push(error)
    } else {
      ;(result.byField[target] ??= []).push(error)
    }
  }
  return result
}

function nearestKnown(segments: string[], known: ReadonlySet<string>): string | undefined {
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.')
    if (known.has(candidate)) return candidate
  }
  return undefined
}

export function hasCode(errors: readonly UserErrorLike[], code: UserErrorCode): boolean {
  return errors.some((error) => error.code === code)
}
