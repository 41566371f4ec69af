// English: the reference catalogue of the mail feature (i18next namespace `mail`). zh-CN
// and ru must have exactly the same keys (checked by the compiler through `MailMessages` and
// by src/lib/i18n.test.ts).
import type { Catalogue } from '../../../lib/locales/catalogue'

export const en = {
  title: 'Mail',
  import: 'Import .eml file',
  importing: 'Importing…',
  imported: 'Imported “{{subject}}”.',
  alreadyImported: '“{{subject}}” was already imported; nothing changed.',
  importProblems: 'The message was not imported:',
  search: 'Search mail',
  searchHint: 'Words must all occur; "a phrase", or, -word',
  noMatches: 'No messages match “{{query}}”.',
  noSubject: '(no subject)',
  noBody: '(no text)',
  from: 'from {{from}}',
  attachments: 'attachments: {{count}}',
  unnamedAttachment: 'unnamed attachment',
  kind: 'E-mail',
  inTimeline: 'Imported messages appear on the timeline, with the activities.',
  results: 'Messages found',
  moreResults_one: 'Showing the newest match; refine the search to see others.',
  moreResults_other: 'Showing the {{count}} newest matches; refine the search to see others.',
}

/** The shape every language must fill in. */
export type MailMessages = Catalogue<typeof en>
