import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql } from '../../../gql'
import type { MailFieldsFragment } from '../../../gql/graphql'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { formatDateTime } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import { fileToBase64 } from '../utils/base64'
import { fromLabel } from '../utils/participants'

const SearchMailQuery = graphql(`
  query SearchMail($query: String!, $customerId: ID, $first: Int!) {
    searchMail(query: $query, customerId: $customerId, first: $first) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...MailFields
        }
      }
    }
  }
`)

const ImportMailMutation = graphql(`
  mutation ImportMail($input: ImportMailInput!) {
    importMail(input: $input) {
      alreadyImported
      mail {
        ...MailFields
      }
      userErrors {
        field
        code
        message
      }
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
  const { t } = useTranslation()
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
        <h2 id="mail-title">{t('mail.title')}</h2>
      </div>
      <p className="muted">{t('mail.inTimeline')}</p>
      <MailImport customerId={customer.id} onImported={() => onImported?.()} />
      <TextField
        type="search"
        label={t('mail.search')}
        hint={t('mail.searchHint')}
        value={search}
        onChange={setSearch}
      />
      {searching ? (
        <>
          {found.error ? <QueryError error={found.error} /> : null}
          {found.fetching && messages.length === 0 ? (
            <Loading />
          ) : messages.length === 0 ? (
            <EmptyState title={t('mail.noMatches', { query })} />
          ) : (
            <ul className="mail-list" aria-label={t('mail.results')}>
              {messages.map((message) => (
                <MailItem key={message.id} message={message} />
              ))}
            </ul>
          )}
          {found.data?.searchMail.pageInfo.hasNextPage ? (
            <p className="muted">{t('mail.moreResults', { count: PAGE_SIZE })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

function MailItem({ message }: { message: MailFieldsFragment }) {
  const { t, i18n } = useTranslation()
  const when = message.sentAt ?? message.importedAt
  return (
    <li>
      <details className="mail-item">
        <summary>
          <strong>{message.subject || t('mail.noSubject')}</strong>{' '}
          <span className="muted">
            {t('mail.from', { from: fromLabel(message.from) })} ·{' '}
            <time dateTime={when}>{formatDateTime(when, i18n.language)}</time>
            {message.attachments.length > 0
              ? ` · ${t('mail.attachments', { count: message.attachments.length })}`
              : null}
          </span>
        </summary>
        {message.attachments.length > 0 ? (
          <ul className="mail-attachments">
            {message.attachments.map((attachment, index) => (
              <li key={index}>
                {attachment.fileName || t('mail.unnamedAttachment')} ({attachment.contentType})
              </li>
            ))}
          </ul>
        ) : null}
        <pre className="mail-body">{message.textBody || t('mail.noBody')}</pre>
      </details>
    </li>
  )
}

function MailImport({ customerId, onImported }: { customerId: string; onImported: () => void }) {
  const { t } = useTranslation()
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
    const subject = payload.mail?.subject || t('mail.noSubject')
    setNotice(
      payload.alreadyImported
        ? t('mail.alreadyImported', { subject })
        : t('mail.imported', { subject }),
    )
    if (!payload.alreadyImported) onImported()
  }

  return (
    <div className="mail-import">
      <div className="field">
        <label htmlFor="mail-import-file">{t('mail.import')}</label>
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
      {result.fetching ? <Loading label={t('mail.importing')} /> : null}
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('mail.importProblems')} />
      {notice ? (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      ) : null}
    </div>
  )
}
