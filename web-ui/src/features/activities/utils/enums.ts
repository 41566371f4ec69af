import type { ActivityKind, ReminderDue } from '../../../gql/graphql'

/**
 * Lists every value of a schema enum in the order people expect (the schema's, not codegen's
 * alphabetical one); compilation fails if a value is missing.
 */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(
    values: A &
      (Exclude<T, A[number]> extends never ? unknown : { missing: Exclude<T, A[number]> }),
  ): readonly T[] => values
}

export const ACTIVITY_KINDS = allOf<ActivityKind>()([
  'CALL',
  'MEETING',
  'DEMO',
  'VISIT',
  'EMAIL',
  'TASK',
])

/** A symbol for each kind, shown next to its (translated) name; decorative only. */
export const KIND_ICONS: Record<ActivityKind, string> = {
  CALL: '☎',
  MEETING: '👥',
  DEMO: '🖥',
  VISIT: '🚗',
  EMAIL: '✉',
  TASK: '✔',
}

/** The reminder buckets, in the order the reminders page shows them. */
export const REMINDER_BUCKETS = allOf<ReminderDue>()(['OVERDUE', 'TODAY', 'UPCOMING'])
