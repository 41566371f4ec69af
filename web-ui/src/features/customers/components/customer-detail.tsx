import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment } from '../../../gql'
import type { ContactFieldsFragment, CustomerFieldsFragment } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import { CustomerQuery } from '../api/customers'
import {
  ArchiveCustomerMutation,
  RemoveContactMutation,
  RestoreCustomerMutation,
} from '../api/mutations'
import { ContactEditor } from './contact-editor'
import { StatusBadge } from './status-badge'
import { useCan } from '../../../lib/permissions'
import { useReloadOn } from '../../../hooks/use-reload-on'
import { LiveIndicator } from '../../../components/live-indicator'
import { UserName } from '../../../components/user-name'

const ContactFields = graphql(`
  fragment ContactFields on Contact {
    id
    firstName
    lastName
    fullName
    jobTitle
    roles
    emails
    phones
    notes
    version
    createdAt
    updatedAt
  }
`)

const CustomerFields = graphql(`
  fragment CustomerFields on Customer {
    id
    name
    legalName
    taxId
    industry
    region
    size
    status
    owner {
      id
      name
      vendor
    }
    sharedWith {
      id
      name
      vendor
    }
    partner {
      id
      name
    }
    tags
    sourceChannel
    sourceCampaign {
      id
      name
    }
    website
    email
    phone
    address
    notes
    archived
    version
    createdAt
    updatedAt
    contacts {
      ...ContactFields
    }
  }
`)

// urql compares the context by identity: one object for every render. Any mutation that returns
// a customer or a contact refreshes the page, even when it had no contacts before.
const REFRESH_ON_CHANGES = { additionalTypenames: ['Customer', 'Contact'] }

export type CustomerDetailProps = {
  /**
   * More sections below the contacts, composed by the app from other features (e.g. the
   * customer's activities); this feature knows nothing about them.
   */
  renderSections?: (customer: CustomerSummary) => ReactNode
  /** Changing it fetches the customer and its contacts again, e.g. after others changed them. */
  refreshKey?: number
  /** The page updates by itself: show the live indicator by the title. */
  live?: boolean
}

/** What the sections the app adds get to know about the customer. */
export type CustomerSummary = {
  id: string
  name: string
  archived: boolean
  contacts: readonly ContactFieldsFragment[]
}

/** /customers/:id */
export function CustomerDetail({ renderSections, refreshKey, live }: CustomerDetailProps = {}) {
  const { t } = useTranslation('customers')
  const id = useParams().id ?? ''
  const [query, reexecute] = useQuery({
    query: CustomerQuery,
    variables: { id },
    context: REFRESH_ON_CHANGES,
  })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  useReloadOn(refreshKey, reload)

  const customer = useFragment(CustomerFields, query.data?.customer)
  if (query.fetching && !customer) return <Loading />
  if (query.error && !customer) return <QueryError error={query.error} onRetry={reload} />
  if (!customer) {
    return (
      <EmptyState title={t('detail.notFound')}>
        <Link to="/customers">{t('detail.backToList')}</Link>
      </EmptyState>
    )
  }
  return (
    <CustomerDetailView
      customer={customer}
      onReload={reload}
      renderSections={renderSections}
      live={live}
    />
  )
}

function CustomerDetailView({
  customer,
  onReload,
  renderSections,
  live,
}: {
  customer: CustomerFieldsFragment
  onReload: () => void
  renderSections?: (customer: CustomerSummary) => ReactNode
  live?: boolean
}) {
  const { t, i18n } = useTranslation('customers')
  const contacts = useFragment(ContactFields, customer.contacts)
  const can = useCan()
  const [archiveResult, archive] = useMutation(ArchiveCustomerMutation)
  const [restoreResult, restore] = useMutation(RestoreCustomerMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const busy = archiveResult.fetching || restoreResult.fetching
  const networkError = archiveResult.error ?? restoreResult.error
  const input = { id: customer.id, expectedVersion: customer.version }

  const toggleArchived = async () => {
    const payload = customer.archived
      ? (await restore({ input })).data?.restoreCustomer
      : (await archive({ input })).data?.archiveCustomer
    setErrors(payload?.userErrors ?? [])
  }
  const stale = errors.some((error) => error.code === 'STALE_VERSION')
  const none = <span className="muted">{t('common.notSet', { ns: 'translation' })}</span>
  const text = (value: string | null | undefined) => (value ? value : none)

  return (
    <article className="page" aria-labelledby="customer-title">
      <p className="breadcrumb">
        <Link to="/customers">← {t('detail.backToList')}</Link>
      </p>
      <header className="page-header">
        <div>
          <div className="page-title-row">
            <h1 id="customer-title">{customer.name}</h1>
            {live ? <LiveIndicator /> : null}
          </div>
          <p className="page-subtitle">
            <StatusBadge status={customer.status} />
            {customer.archived ? (
              <span className="badge badge-archived">{t('list.archived')}</span>
            ) : null}
            {customer.legalName ? <span>{customer.legalName}</span> : null}
          </p>
        </div>
        {can('UPDATE', 'CUSTOMER') ? (
          <div className="page-actions">
            {customer.archived ? null : (
              <Link
                className="button button-primary"
                to={`/customers/${encodeURIComponent(customer.id)}/edit`}
              >
                {t('detail.edit')}
              </Link>
            )}
            <button type="button" className="button" disabled={busy} onClick={toggleArchived}>
              {customer.archived ? t('detail.restore') : t('detail.archive')}
            </button>
          </div>
        ) : null}
      </header>

      {networkError ? <QueryError error={networkError} /> : null}
      <FormErrors errors={errors}>
        {stale ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setErrors([])
              onReload()
            }}
          >
            {t('form.reload')}
          </button>
        ) : null}
      </FormErrors>
      {customer.archived ? <p className="alert alert-info">{t('detail.archivedNotice')}</p> : null}

      <section className="card" aria-labelledby="customer-details-title">
        <h2 id="customer-details-title">{t('detail.details')}</h2>
        <DetailList layout="tiles">
          <Detail label={t('customer.field.legalName')}>{text(customer.legalName)}</Detail>
          <Detail label={t('customer.field.taxId')}>{text(customer.taxId)}</Detail>
          <Detail label={t('customer.field.industry')}>{text(customer.industry)}</Detail>
          <Detail label={t('customer.field.region')}>{text(customer.region)}</Detail>
          <Detail label={t('customer.field.size')}>
            {customer.size ? t(`customer.size.${customer.size}`) : none}
          </Detail>
          <Detail label={t('customer.field.sourceChannel')}>
            {customer.sourceChannel ? t(`customer.sourceChannel.${customer.sourceChannel}`) : none}
          </Detail>
          {customer.sourceCampaign ? (
            <Detail label={t('customer.field.sourceCampaign')}>
              {customer.sourceCampaign.name}
            </Detail>
          ) : null}
          <Detail label={t('customer.field.owner')}>
            <UserName user={customer.owner} />
          </Detail>
          <Detail label={t('customer.field.sharedWith')}>
            {customer.sharedWith.length > 0
              ? customer.sharedWith.map((user) => user.name).join(', ')
              : t('detail.notShared')}
          </Detail>
          <Detail label={t('customer.field.partner')}>
            {customer.partner ? customer.partner.name : t('detail.directCustomer')}
          </Detail>
          <Detail label={t('customer.field.tags')}>
            {customer.tags.length > 0 ? (
              <ul className="tags">
                {customer.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('detail.noTags')}</span>
            )}
          </Detail>
          <Detail label={t('customer.field.email')}>
            {customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : none}
          </Detail>
          <Detail label={t('customer.field.phone')}>
            {customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : none}
          </Detail>
          <Detail label={t('customer.field.website')}>
            {customer.website ? (
              <a href={websiteHref(customer.website)} target="_blank" rel="noreferrer noopener">
                {customer.website}
              </a>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('customer.field.address')}>
            <span className="preserve-lines">{text(customer.address)}</span>
          </Detail>
          <Detail label={t('customer.field.createdAt')}>
            <time dateTime={customer.createdAt}>
              {formatDateTime(customer.createdAt, i18n.language)}
            </time>
          </Detail>
          <Detail label={t('customer.field.updatedAt')}>
            <time dateTime={customer.updatedAt}>
              {formatDateTime(customer.updatedAt, i18n.language)}
            </time>
          </Detail>
          <Detail label={t('customer.field.notes')} wide>
            <span className="preserve-lines">{text(customer.notes)}</span>
          </Detail>
        </DetailList>
      </section>

      <ContactsSection customer={customer} contacts={contacts} onReload={onReload} />
      {renderSections?.({
        id: customer.id,
        name: customer.name,
        archived: customer.archived,
        contacts,
      })}
    </article>
  )
}

/** Only http(s) links leave the app; "example.com" becomes "https://example.com". */
function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`
}

function ContactsSection({
  customer,
  contacts,
  onReload,
}: {
  customer: CustomerFieldsFragment
  contacts: readonly ContactFieldsFragment[]
  onReload: () => void
}) {
  const { t } = useTranslation('customers')
  // 'new', a contact id being edited, or nothing
  const [editing, setEditing] = useState<string | null>(null)
  const can = useCan()
  const editable = !customer.archived

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="card-header">
        <h2 id="contacts-title">{t('detail.contacts')}</h2>
        {editable && can('CREATE', 'CONTACT') && editing !== 'new' ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            + {t('detail.addContact')}
          </button>
        ) : null}
      </div>
      {editing === 'new' ? (
        <ContactEditor
          customerId={customer.id}
          onDone={() => setEditing(null)}
          onReload={onReload}
        />
      ) : null}
      {contacts.length === 0 && editing !== 'new' ? (
        <p className="muted">{t('detail.noContacts')}</p>
      ) : null}
      <ul className="contacts">
        {contacts.map((contact) =>
          editing === contact.id ? (
            <li key={contact.id} className="contact">
              <ContactEditor
                customerId={customer.id}
                contact={contact}
                onDone={() => setEditing(null)}
                onReload={onReload}
              />
            </li>
          ) : (
            <ContactCard
              key={contact.id}
              contact={contact}
              editable={editable}
              onEdit={() => setEditing(contact.id)}
              onReload={onReload}
            />
          ),
        )}
      </ul>
    </section>
  )
}

function ContactCard({
  contact,
  editable,
  onEdit,
  onReload,
}: {
  contact: ContactFieldsFragment
  editable: boolean
  onEdit: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('customers')
  const [confirming, setConfirming] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [removal, removeContact] = useMutation(RemoveContactMutation)
  const can = useCan()
  const name = contact.fullName

  const remove = async () => {
    const response = await removeContact({
      input: { id: contact.id, expectedVersion: contact.version },
    })
    setErrors(response.data?.removeContact.userErrors ?? [])
    setConfirming(false)
  }

  return (
    <li className="contact" aria-label={name}>
      <div className="contact-main">
        <p className="contact-name">{name}</p>
        {contact.jobTitle ? <p className="contact-title">{contact.jobTitle}</p> : null}
        {contact.roles.length > 0 ? (
          <ul className="tags" aria-label={t('contact.field.roles')}>
            {contact.roles.map((role) => (
              <li key={role} className="tag tag-role">
                {t(`contact.role.${role}`)}
              </li>
            ))}
          </ul>
        ) : null}
        <dl className="contact-channels">
          {contact.emails.length > 0 ? (
            <div>
              <dt>{t('contact.field.emails')}</dt>
              {contact.emails.map((email) => (
                <dd key={email}>
                  <a href={`mailto:${email}`}>{email}</a>
                </dd>
              ))}
            </div>
          ) : null}
          {contact.phones.length > 0 ? (
            <div>
              <dt>{t('contact.field.phones')}</dt>
              {contact.phones.map((phone) => (
                <dd key={phone}>
                  <a href={`tel:${phone}`}>{phone}</a>
                </dd>
              ))}
            </div>
          ) : null}
        </dl>
        {contact.notes ? <p className="preserve-lines muted">{contact.notes}</p> : null}
        {removal.error ? <QueryError error={removal.error} /> : null}
        <FormErrors errors={errors}>
          {errors.some((error) => error.code === 'STALE_VERSION') ? (
            <button type="button" className="button" onClick={onReload}>
              {t('form.reload')}
            </button>
          ) : null}
        </FormErrors>
      </div>
      {editable ? (
        <div className="contact-actions">
          {confirming ? (
            <div role="group" aria-label={t('detail.confirmRemove', { name })}>
              <p>{t('detail.confirmRemove', { name })}</p>
              <button
                type="button"
                className="button button-danger"
                disabled={removal.fetching}
                onClick={remove}
              >
                {t('detail.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common.cancel', { ns: 'translation' })}
              </button>
            </div>
          ) : (
            <>
              {can('UPDATE', 'CONTACT') ? (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('detail.editContact', { name })}
                  onClick={onEdit}
                >
                  {t('common.edit', { ns: 'translation' })}
                </button>
              ) : null}
              {can('DELETE', 'CONTACT') ? (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('detail.removeContact', { name })}
                  onClick={() => setConfirming(true)}
                >
                  {t('common.remove', { ns: 'translation' })}
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </li>
  )
}
