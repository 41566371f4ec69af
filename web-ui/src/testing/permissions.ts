import { Action, Subject } from '../gql/graphql'
import type { Permission } from '../lib/permissions'

/** Every action on every subject: components tested for what they do, not for who sees them. */
export const EVERY_PERMISSION: readonly Permission[] = Object.values(Subject).flatMap((subject) =>
  Object.values(Action).map((action) => ({ action, subject })),
)

/** What the API gives an accountant: reading everything, changing only invoices. */
export const ACCOUNTANT_PERMISSIONS: readonly Permission[] = [
  { action: 'CREATE', subject: 'INVOICE' },
  { action: 'DELETE', subject: 'INVOICE' },
]
