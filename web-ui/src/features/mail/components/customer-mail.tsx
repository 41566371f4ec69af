import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { formatDateTime } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import { fileToBase64 } from '../utils/base64'
import { fromLabel } from '../utils/participants'
import { ImportMailMutation, SearchMailQuery } from '../api/mail'
import { useCan } from '../../../lib/permissions'

/** What the mail list shows of a message. */
const MailFields = graphql(`
  fragment MailFields on MailMessage {
    id
    subject
    sentAt
    importedAt
    textBody
    from {
      address
      name
    }
    attachments {
      fileName
      contentType
      sizeBytes
    }
  }
`)

const PAGE_SIZE = 25
const REFRESH_ON_MAIL = { additionalTypenames: ['MailMessage'] }

/**
 * The "Mail" card of a customer's page: "Import .eml" and full-text search. The messages
 * themselves are on the customer's timeline; `onImported` tells the page to refresh it.
 */
export function CustomerMail({
  customer,
  onImported,
}: {
  customer: { id: string }
  onImported?: () => void
}) {
  const { t } = useTranslation('mail')
  const can = useCan()
  const [search, setSearch] = useState('')
  const query = useDebouncedValue(search.trim(), 300)
  const searching = query.length > 0
  const [found] = useQuery({
    query: SearchMailQuery,
    variables: { query, customerId: customer.id, first: PAGE_SIZE },
    pause: !searching,
    context: REFRESH_ON_MAIL,
  })
  const messages = found.data?.searchMail.edges.map((edge) => edge.node) ?? []

  return (
    <section className="card" aria-labelledby="mail-title">
      <div className="card-header">
        <h2 id="mail-title">{t('title')}</h2>
      </div>
      <p className="muted">{t('inTimeline')}</p>
      {can('CREATE', 'MAIL_MESSAGE') ? (
        <MailImport customerId={customer.id} onImported={() => onImported?.()} />
      ) : null}
      <TextField
        type="search"
        label={t('search')}
        hint={t('searchHint')}
        value={search}
        onChange={setSearch}
      />
      {searching ? (
        <>
          {found.error ? <QueryError error={found.error} /> : null}
          {found.fetching && messages.length === 0 ? (
            <Loading />
          ) : messages.length === 0 ? (
            <EmptyState title={t('noMatches', { query })} />
          ) : (
            <ul className="mail-list" aria-label={t('results')}>
              {messages.map((message) => (
                <MailItem key={message.id} message={message} />
              ))}
            </ul>
          )}
          {found.data?.searchMail.pageInfo.hasNextPage ? (
            <p className="muted">{t('moreResults', { count: PAGE_SIZE })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

function MailItem(props: { message: FragmentType<typeof MailFields> }) {
  const { t, i18n } = useTranslation('mail')
  const message = useFragment(MailFields, props.message)
  const when = message.sentAt ?? message.importedAt
  return (
    <li>
      <details className="mail-item">
        <summary>
          <strong>{message.subject || t('noSubject')}</strong>{' '}
          <span className="muted">
            {t('from', { from: fromLabel(message.from) })} ·{' '}
            <time dateTime={when}>{formatDateTime(when, i18n.language)}</time>
            {message.attachments.length > 0
              ? ` · ${t('attachments', { count: message.attachments.length })}`
              : null}
          </span>
        </summary>
        {message.attachments.length > 0 ? (
          <ul className="mail-attachments">
            {message.attachments.map((attachment, index) => (
              <li key={index}>
                {attachment.fileName || t('unnamedAttachment')} ({attachment.contentType})
              </li>
            ))}
          </ul>
        ) : null}
        <pre className="mail-body">{message.textBody || t('noBody')}</pre>
      </details>
    </li>
  )
}

function MailImport({ customerId, onImported }: { customerId: string; onImported: () => void }) {
  const { t } = useTranslation('mail')
  const [result, importMail] = useMutation(ImportMailMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [inputKey, setInputKey] = useState(0)

  const upload = async (file: File) => {
    setErrors([])
    setNotice(null)
    const eml = await fileToBase64(file)
    const response = await importMail({ input: { customerId, eml } })
    // a fresh input, so the same file can be chosen again
    setInputKey((k) => k + 1)
    const payload = response.data?.importMail
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length > 0) return
    const subject = payload.mail?.subject || t('noSubject')
    setNotice(
      payload.alreadyImported ? t('alreadyImported', { subject }) : t('imported', { subject }),
    )
    if (!payload.alreadyImported) onImported()
  }

  return (
    <div className="mail-import">
      <div className="field">
        <label htmlFor="mail-import-file">{t('import')}</label>
        <input
          key={inputKey}
          id="mail-import-file"
          type="file"
          accept=".eml,message/rfc822"
          disabled={result.fetching}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void upload(file)
          }}
        />
      </div>
      {result.fetching ? <Loading label={t('importing')} /> : null}
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('importProblems')} />
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
    </div>
  )
}
