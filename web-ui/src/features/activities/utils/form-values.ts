import type { ActivityKind, LogActivityInput } from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'
import { fromLocalInput, toLocalInput } from './datetime'

export type LogActivityValues = {
  kind: ActivityKind
  subject: string
  /** '' for none */
  contactId: string
  /** `YYYY-MM-DDTHH:mm` (a datetime-local value), in the browser's time zone */
  occurredAt: string
  notes: string
  outcome: string
  withReminder: boolean
  /** `YYYY-MM-DDTHH:mm`, as occurredAt */
  dueAt: string
  /** '' for the caller */
  assigneeId: string
}

export function emptyLogActivityValues(now: Date = new Date()): LogActivityValues {
  return {
    kind: 'CALL',
    subject: '',
    contactId: '',
    occurredAt: toLocalInput(now),
    notes: '',
    outcome: '',
    withReminder: false,
    dueAt: '',
    assigneeId: '',
  }
}

/** The form's fields, named as in LogActivityInput (errors are mapped to them). */
export function logActivityFieldKeys(values: LogActivityValues): string[] {
  const keys = ['kind', 'subject', 'contactId', 'occurredAt', 'notes', 'outcome']
  return values.withReminder ? [...keys, 'reminder.dueAt', 'reminder.assigneeId'] : keys
}

/** What must be right before asking the server, shaped like the server's own errors. */
export function checkLogActivity(values: LogActivityValues): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  if (!values.subject.trim()) {
    errors.push({ field: ['input', 'subject'], code: 'REQUIRED', message: '' })
  }
  if (values.occurredAt.trim() && !fromLocalInput(values.occurredAt)) {
    errors.push({ field: ['input', 'occurredAt'], code: 'INVALID_FORMAT', message: '' })
  }
  if (values.withReminder) {
    if (!values.dueAt.trim()) {
      errors.push({ field: ['input', 'reminder', 'dueAt'], code: 'REQUIRED', message: '' })
    } else if (!fromLocalInput(values.dueAt)) {
      errors.push({ field: ['input', 'reminder', 'dueAt'], code: 'INVALID_FORMAT', message: '' })
    }
  }
  return errors
}

/** Blank optional texts are left out; an empty "occurred at" lets the server take "now". */
export function toLogActivityInput(
  customerId: string,
  values: LogActivityValues,
): LogActivityInput {
  const input: LogActivityInput = {
    customerId,
    kind: values.kind,
    subject: values.subject.trim(),
  }
  if (values.contactId) input.contactId = values.contactId
  const occurredAt = fromLocalInput(values.occurredAt)
  if (occurredAt) input.occurredAt = occurredAt
  if (values.notes.trim()) input.notes = values.notes.trim()
  if (values.outcome.trim()) input.outcome = values.outcome.trim()
  const dueAt = fromLocalInput(values.dueAt)
  if (values.withReminder && dueAt) {
    input.reminder = values.assigneeId ? { dueAt, assigneeId: values.assigneeId } : { dueAt }
  }
  return input
}
