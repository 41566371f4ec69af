import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField, TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment } from '../../../gql'
import type { PartnerDetailFieldsFragment, PartnerStatus } from '../../../gql/graphql'
import { formatDateTime } from '../../../lib/format'
import { useCan } from '../../../lib/permissions'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  AddPartnerContactMutation,
  ChangePartnerStatusMutation,
  PartnerQuery,
  RemovePartnerContactMutation,
  UpdatePartnerMutation,
} from '../api/partners'
import { toUpdatePartnerInput, type PartnerFormValues } from '../utils/partner-form'
import { territoryText, toTerritoryInputs, type TerritoryRow } from '../utils/territories'
import { AgreementsSection } from './agreements-section'
import { PartnerForm } from './partner-form'
import { PartnerUsersSection } from './partner-users-section'
import { PartnerStatusBadge } from './status-badge'
import '../partners.css'

const PartnerDetailFields = graphql(`
  fragment PartnerDetailFields on Partner {
    id
    name
    legalName
    taxId
    country
    address
    status
    statusReason
    tier {
      id
      code
      name
    }
    territories {
      region
      industry
    }
    parent {
      id
      name
    }
    subDealers {
      id
      name
      status
      tier {
        id
        name
      }
    }
    formerCustomer {
      id
      name
    }
    contacts {
      id
      name
      role
      email
      phone
    }
    agreements {
      id
      startsOn
      endsOn
      currency
      rebateBands {
        threshold {
          amount
          currency
        }
        percent
      }
      note
      version
    }
    version
    createdAt
    updatedAt
  }
`)

type Partner = PartnerDetailFieldsFragment

/**
 * /channel/partners/:id: a partner for the channel manager — its organisation (edit), status
 * (with a reason), tier, territories, contacts, sub-dealers, portal users and agreements; then
 * `sections` other features draw for it (composed in src/app, e.g. its account).
 */
export function PartnerPage({ sections }: { sections?: ReactNode } = {}) {
  const { t } = useTranslation('partners')
  const id = useParams().id ?? ''
  const [result, reexecute] = useQuery({ query: PartnerQuery, variables: { id } })
  const partner = useFragment(PartnerDetailFields, result.data?.partner)
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  if (result.fetching && !result.data) return <Loading />
  if (result.error && !result.data) return <QueryError error={result.error} onRetry={reload} />
  if (!partner) {
    return (
      <div className="page">
        <EmptyState title={t('detail.notFound')}>
          <Link to="/channel/partners">{t('detail.back')}</Link>
        </EmptyState>
      </div>
    )
  }
  return <PartnerView partner={partner} reload={reload} sections={sections} />
}

function PartnerView({
  partner,
  reload,
  sections,
}: {
  partner: Partner
  reload: () => void
  sections: ReactNode
}) {
  const { t, i18n } = useTranslation('partners')
  const can = useCan()
  const canUpdate = can('UPDATE', 'PARTNER')
  return (
    <section className="page partner-page" aria-labelledby="partner-title">
      <p className="breadcrumb">
        <Link to="/channel/partners">← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="partner-title">{partner.name}</h1>
          <p className="page-subtitle">
            <PartnerStatusBadge status={partner.status} />
            {partner.statusReason ? (
              <span className="partner-status-reason">
                {t('detail.statusReason', { reason: partner.statusReason })}
              </span>
            ) : null}
            <span>{partner.tier?.name ?? t('tier.none')}</span>
            {partner.parent ? (
              <span>
                {t('detail.subDealerOf')}{' '}
                <Link to={`/channel/partners/${encodeURIComponent(partner.parent.id)}`}>
                  {partner.parent.name}
                </Link>
              </span>
            ) : null}
          </p>
        </div>
      </header>
      <div className="partner-grid">
        <Organisation partner={partner} canUpdate={canUpdate} />
        {canUpdate ? <StatusChange partner={partner} /> : null}
        <Territories partner={partner} canUpdate={canUpdate} />
        <Contacts partner={partner} canUpdate={canUpdate} />
        <SubDealers partner={partner} />
        <PartnerUsersSection partnerId={partner.id} />
        <AgreementsSection
          partnerId={partner.id}
          agreements={partner.agreements}
          canEdit={can('CREATE', 'PARTNER_AGREEMENT')}
          onChanged={reload}
        />
        {sections}
      </div>
      <p className="muted small">
        {t('detail.updated', { when: formatDateTime(partner.updatedAt, i18n.language) })}
      </p>
    </section>
  )
}

function Card({
  title,
  actions,
  children,
}: {
  title: string
  actions?: ReactNode
  children: ReactNode
}) {
  const id = `partner-${title.replace(/\W+/g, '-')}`
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  )
}

const valuesOf = (partner: Partner): PartnerFormValues => ({
  name: partner.name,
  legalName: partner.legalName ?? '',
  taxId: partner.taxId ?? '',
  country: partner.country ?? '',
  address: partner.address ?? '',
  tierId: partner.tier?.id ?? '',
})

function Organisation({ partner, canUpdate }: { partner: Partner; canUpdate: boolean }) {
  const { t } = useTranslation('partners')
  const [editing, setEditing] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [updated, update] = useMutation(UpdatePartnerMutation)
  const before = valuesOf(partner)
  return (
    <Card
      title={t('detail.organisation')}
      actions={
        canUpdate && !editing ? (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </button>
        ) : null
      }
    >
      {editing ? (
        <>
          {updated.error ? <QueryError error={updated.error} /> : null}
          <PartnerForm
            initial={before}
            submitLabel={t('form.save')}
            busy={updated.fetching}
            errors={errors}
            onCancel={() => {
              setEditing(false)
              setErrors([])
            }}
            onSubmit={(after) =>
              void update({
                input: toUpdatePartnerInput(partner.id, partner.version, before, after),
              }).then((result) => {
                const payload = result.data?.updatePartner
                if (!payload) return
                setErrors(payload.userErrors)
                if (payload.userErrors.length === 0) setEditing(false)
              })
            }
          />
        </>
      ) : (
        <DetailList>
          <Detail label={t('field.legalName')}>{partner.legalName ?? '—'}</Detail>
          <Detail label={t('field.taxId')}>{partner.taxId ?? '—'}</Detail>
          <Detail label={t('field.country')}>{partner.country ?? '—'}</Detail>
          <Detail label={t('field.address')} className="preserve-lines">
            {partner.address ?? '—'}
          </Detail>
          <Detail label={t('field.tier')}>{partner.tier?.name ?? t('tier.none')}</Detail>
          {partner.formerCustomer ? (
            <Detail label={t('field.formerCustomer')}>
              <Link to={`/customers/${encodeURIComponent(partner.formerCustomer.id)}`}>
                {partner.formerCustomer.name}
              </Link>
            </Detail>
          ) : null}
        </DetailList>
      )}
    </Card>
  )
}

/** The statuses a partner may move to from its own (terminated is final). */
function nextStatuses(status: PartnerStatus): PartnerStatus[] {
  const all: PartnerStatus[] = ['PROSPECTIVE', 'ACTIVE', 'SUSPENDED', 'TERMINATED']
  return status === 'TERMINATED' ? [] : all.filter((s) => s !== status)
}

function StatusChange({ partner }: { partner: Partner }) {
  const { t } = useTranslation('partners')
  const [status, setStatus] = useState<PartnerStatus | ''>('')
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [changed, change] = useMutation(ChangePartnerStatusMutation)
  const options = nextStatuses(partner.status)
  const needsReason = status === 'SUSPENDED' || status === 'TERMINATED'
  const mapped = mapUserErrors(errors, ['status', 'reason'])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!status || (needsReason && !reason.trim())) return
    const payload = (
      await change({
        input: {
          id: partner.id,
          expectedVersion: partner.version,
          status,
          reason: reason.trim() || null,
        },
      })
    ).data?.changePartnerStatus
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) {
      setStatus('')
      setReason('')
      setChecked(false)
    }
  }
  if (options.length === 0) return null
  return (
    <Card title={t('statusChange.title')}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {changed.error ? <QueryError error={changed.error} /> : null}
        <FormErrors errors={mapped.general} title={t('statusChange.failed')} />
        <SelectField<PartnerStatus>
          label={t('statusChange.to')}
          required
          value={status}
          onChange={setStatus}
          emptyLabel={t('statusChange.choose')}
          options={options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          errors={mapped.byField.status}
          inputError={checked && !status ? t('form.required') : null}
        />
        {status === 'TERMINATED' ? (
          <p className="alert alert-warning">{t('statusChange.final')}</p>
        ) : null}
        <TextField
          label={t('statusChange.reason')}
          required={needsReason}
          multiline
          maxLength={500}
          value={reason}
          onChange={setReason}
          errors={mapped.byField.reason}
          inputError={
            checked && needsReason && !reason.trim() ? t('statusChange.reasonRequired') : null
          }
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={changed.fetching}>
            {t('statusChange.submit')}
          </button>
        </div>
      </form>
    </Card>
  )
}

function Territories({ partner, canUpdate }: { partner: Partner; canUpdate: boolean }) {
  const { t } = useTranslation('partners')
  const [rows, setRows] = useState<TerritoryRow[] | null>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [updated, update] = useMutation(UpdatePartnerMutation)
  const mapped = mapUserErrors(
    errors,
    (rows ?? []).flatMap((_, i) => [
      `territories.${i}.region`,
      `territories.${i}.industry`,
      `territories.${i}`,
    ]),
  )
  const setRow = (index: number, change: Partial<TerritoryRow>) =>
    setRows((current) =>
      (current ?? []).map((row, i) => (i === index ? { ...row, ...change } : row)),
    )
  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!rows) return
    const payload = (
      await update({
        input: {
          id: partner.id,
          expectedVersion: partner.version,
          territories: toTerritoryInputs(rows),
        },
      })
    ).data?.updatePartner
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) setRows(null)
  }
  return (
    <Card
      title={t('territory.title')}
      actions={
        canUpdate && !rows ? (
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              setRows(
                partner.territories.map((territory) => ({
                  region: territory.region ?? '',
                  industry: territory.industry ?? '',
                })),
              )
            }
          >
            {t('territory.edit')}
          </button>
        ) : null
      }
    >
      {rows ? (
        <form className="form" noValidate onSubmit={(event) => void save(event)}>
          {updated.error ? <QueryError error={updated.error} /> : null}
          <FormErrors errors={mapped.general} title={t('form.failed')} />
          <p className="muted">{t('territory.hint')}</p>
          {rows.map((row, index) => (
            <div className="territory-row" key={index}>
              <TextField
                label={t('territory.region', { n: index + 1 })}
                maxLength={100}
                value={row.region}
                onChange={(region) => setRow(index, { region })}
                errors={[
                  ...(mapped.byField[`territories.${index}`] ?? []),
                  ...(mapped.byField[`territories.${index}.region`] ?? []),
                ]}
              />
              <TextField
                label={t('territory.industry', { n: index + 1 })}
                maxLength={100}
                value={row.industry}
                onChange={(industry) => setRow(index, { industry })}
                errors={mapped.byField[`territories.${index}.industry`]}
              />
              <button
                type="button"
                className="button button-small"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t('territory.remove', { n: index + 1 })}
              </button>
            </div>
          ))}
          <div className="form-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => setRows([...rows, { region: '', industry: '' }])}
            >
              + {t('territory.add')}
            </button>
            <button type="submit" className="button button-primary" disabled={updated.fetching}>
              {t('form.save')}
            </button>
            <button type="button" className="button" onClick={() => setRows(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : partner.territories.length === 0 ? (
        <p className="muted">{t('territory.anywhere')}</p>
      ) : (
        <ul className="tags">
          {partner.territories.map((territory, index) => (
            <li key={index} className="tag">
              {territoryText(territory)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

const EMPTY_CONTACT = { name: '', role: '', email: '', phone: '' }

function Contacts({ partner, canUpdate }: { partner: Partner; canUpdate: boolean }) {
  const { t } = useTranslation('partners')
  const [adding, setAdding] = useState(false)
  const [values, setValues] = useState(EMPTY_CONTACT)
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [added, add] = useMutation(AddPartnerContactMutation)
  const [removed, remove] = useMutation(RemovePartnerContactMutation)
  const mapped = mapUserErrors(errors, ['name', 'role', 'email', 'phone'])
  const set = (field: keyof typeof EMPTY_CONTACT) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }))
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!values.name.trim()) return
    const payload = (
      await add({
        input: {
          partnerId: partner.id,
          expectedVersion: partner.version,
          name: values.name.trim(),
          role: values.role.trim() || null,
          email: values.email.trim() || null,
          phone: values.phone.trim() || null,
        },
      })
    ).data?.addPartnerContact
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) {
      setAdding(false)
      setValues(EMPTY_CONTACT)
      setChecked(false)
    }
  }
  return (
    <Card
      title={t('contacts.title')}
      actions={
        canUpdate && !adding ? (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            + {t('contacts.add')}
          </button>
        ) : null
      }
    >
      {removed.error ? <QueryError error={removed.error} /> : null}
      <FormErrors errors={adding ? [] : errors} />
      {partner.contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <ul className="partner-contacts">
          {partner.contacts.map((contact) => (
            <li key={contact.id}>
              <strong>{contact.name}</strong>
              {contact.role ? <span className="muted"> · {contact.role}</span> : null}
              {contact.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </>
              ) : null}
              {contact.phone ? <> · {contact.phone}</> : null}
              {canUpdate ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={removed.fetching}
                  onClick={() =>
                    void remove({
                      input: {
                        partnerId: partner.id,
                        expectedVersion: partner.version,
                        contactId: contact.id,
                      },
                    }).then((result) =>
                      setErrors(result.data?.removePartnerContact.userErrors ?? []),
                    )
                  }
                >
                  {t('contacts.remove', { name: contact.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          {added.error ? <QueryError error={added.error} /> : null}
          <FormErrors errors={mapped.general} title={t('form.failed')} />
          <div className="form-grid">
            <TextField
              label={t('contacts.name')}
              required
              maxLength={200}
              value={values.name}
              onChange={set('name')}
              errors={mapped.byField.name}
              inputError={checked && !values.name.trim() ? t('form.required') : null}
            />
            <TextField
              label={t('contacts.role')}
              maxLength={100}
              value={values.role}
              onChange={set('role')}
              errors={mapped.byField.role}
            />
            <TextField
              label={t('contacts.email')}
              type="email"
              maxLength={200}
              value={values.email}
              onChange={set('email')}
              errors={mapped.byField.email}
            />
            <TextField
              label={t('contacts.phone')}
              type="tel"
              maxLength={50}
              value={values.phone}
              onChange={set('phone')}
              errors={mapped.byField.phone}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={added.fetching}>
              {t('contacts.save')}
            </button>
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </Card>
  )
}

function SubDealers({ partner }: { partner: Partner }) {
  const { t } = useTranslation('partners')
  const can = useCan()
  // two levels: a sub-dealer has none of its own
  const canHave = !partner.parent
  return (
    <Card
      title={t('subDealers.title')}
      actions={
        canHave && can('CREATE', 'PARTNER') ? (
          <Link
            to={`/channel/partners/new?parent=${encodeURIComponent(partner.id)}`}
            className="button button-small"
          >
            + {t('subDealers.new')}
          </Link>
        ) : null
      }
    >
      {!canHave ? (
        <p className="muted">{t('subDealers.secondLevel')}</p>
      ) : partner.subDealers.length === 0 ? (
        <p className="muted">{t('subDealers.none')}</p>
      ) : (
        <ul>
          {partner.subDealers.map((dealer) => (
            <li key={dealer.id}>
              <Link to={`/channel/partners/${encodeURIComponent(dealer.id)}`}>{dealer.name}</Link>{' '}
              <PartnerStatusBadge status={dealer.status} />{' '}
              <span className="muted">{dealer.tier?.name ?? t('tier.none')}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
