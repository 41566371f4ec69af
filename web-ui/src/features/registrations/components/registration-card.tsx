import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMutation } from 'urql'
import { TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { RegistrationCardFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  ApproveDealRegistrationMutation,
  RejectDealRegistrationMutation,
  WithdrawDealRegistrationMutation,
} from '../api/registrations'
import { needsAcknowledgement, validateProtectionDays } from '../utils/decision'
import { conflictEvidence } from '../utils/evidence'

const RegistrationCardFields = graphql(`
  fragment RegistrationCardFields on DealRegistration {
    id
    number
    status
    version
    partner {
      id
      name
    }
    registeredBy {
      id
      name
      vendor
    }
    customer {
      id
      name
    }
    customerName
    customerTaxId
    customerEmailDomain
    customerRegion
    customerIndustry
    lines {
      product {
        id
        code
        name
      }
      editionCode
      quantity
    }
    expectedAmount {
      amount
      currency
    }
    expectedCloseOn
    note
    conflicts {
      kind
      matchedBy
      evidence
      matches {
        by
        given
        existing
      }
      otherRegistrationNumber
      otherRegistrationStatus
      otherProtectedUntil
      otherSubmittedOn
      existingCustomerName
      otherPartnerName
      partnerName
      givenRegion
      givenIndustry
      territories {
        region
        industry
      }
      registration {
        id
        number
        status
        partner {
          id
          name
        }
      }
      customer {
        id
        name
      }
    }
    submittedAt
    decidedAt
    decidedBy {
      id
      name
      vendor
    }
    rejectionReason
    protectedUntil
    opportunity {
      id
      name
    }
  }
`)

export type RegistrationRef = FragmentType<typeof RegistrationCardFields>

/**
 * One deal registration: what the partner registered, the conflicts found on submission with
 * their evidence (vendor staff only: the API sends none to partners), the decision and, as the
 * viewer may, approve / reject (the channel manager) or withdraw (the partner).
 */
export function RegistrationCard({
  registration: ref,
  canDecide,
  canWithdraw,
  linkPartner,
  titleAsLink,
  onChanged,
}: {
  registration: RegistrationRef
  canDecide: boolean
  canWithdraw: boolean
  /** Partner names link to the channel manager's partner page. */
  linkPartner: boolean
  /** The number links to the registration's own page (in lists). */
  titleAsLink?: boolean
  onChanged?: () => void
}) {
  const { t, i18n } = useTranslation('registrations')
  const lang = i18n.language
  const registration = useFragment(RegistrationCardFields, ref)
  const submitted = registration.status === 'SUBMITTED'
  const hasConflicts = registration.conflicts.length > 0
  const titleId = `registration-${registration.id}`
  const partnerName = linkPartner ? (
    <Link to={`/channel/partners/${encodeURIComponent(registration.partner.id)}`}>
      {registration.partner.name}
    </Link>
  ) : (
    registration.partner.name
  )

  return (
    <article
      className={`card registration-card${hasConflicts && submitted ? ' registration-conflicted' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="card-header">
        <h3 id={titleId} className="registration-title">
          {titleAsLink ? (
            <Link to={`/registrations/${encodeURIComponent(registration.id)}`}>
              {registration.number}
            </Link>
          ) : (
            registration.number
          )}{' '}
          — {registration.customer?.name ?? registration.customerName}
        </h3>
        <span className={`badge registration-status-${registration.status}`}>
          {t(`status.${registration.status}`)}
        </span>
      </header>
      <dl className="registration-facts">
        <div>
          <dt>{t('field.partner')}</dt>
          <dd>{partnerName}</dd>
        </div>
        <div>
          <dt>{t('field.customer')}</dt>
          <dd>
            {registration.customer ? (
              <Link to={`/customers/${encodeURIComponent(registration.customer.id)}`}>
                {registration.customer.name}
              </Link>
            ) : (
              <>
                {registration.customerName} <span className="muted">{t('card.newCustomer')}</span>
              </>
            )}
          </dd>
        </div>
        {registration.customerTaxId ? (
          <div>
            <dt>{t('field.taxId')}</dt>
            <dd>{registration.customerTaxId}</dd>
          </div>
        ) : null}
        {registration.customerEmailDomain ? (
          <div>
            <dt>{t('field.emailDomain')}</dt>
            <dd>{registration.customerEmailDomain}</dd>
          </div>
        ) : null}
        {registration.customerRegion || registration.customerIndustry ? (
          <div>
            <dt>{t('field.territory')}</dt>
            <dd>
              {[registration.customerRegion, registration.customerIndustry]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('field.expectedAmount')}</dt>
          <dd>{formatAmount(registration.expectedAmount, lang)}</dd>
        </div>
        <div>
          <dt>{t('field.expectedCloseOn')}</dt>
          <dd>{formatDate(registration.expectedCloseOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('field.submittedAt')}</dt>
          {/* a date and time never breaks inside: its own fact, the person in the next one */}
          <dd className="registration-when">{formatDateTime(registration.submittedAt, lang)}</dd>
        </div>
        {registration.registeredBy ? (
          <div>
            <dt>{t('field.registeredBy')}</dt>
            <dd>{registration.registeredBy.name}</dd>
          </div>
        ) : null}
        {registration.protectedUntil ? (
          <div>
            <dt>{t('field.protectedUntil')}</dt>
            <dd>{formatDate(registration.protectedUntil, lang)}</dd>
          </div>
        ) : null}
        {registration.opportunity ? (
          <div>
            <dt>{t('field.deal')}</dt>
            <dd>
              <Link to={`/opportunities/${encodeURIComponent(registration.opportunity.id)}`}>
                {registration.opportunity.name}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <ul className="registration-lines" aria-label={t('field.products')}>
        {registration.lines.map((line, index) => (
          <li key={index}>
            {t('card.line', {
              quantity: line.quantity,
              product: line.editionCode
                ? `${line.product.name} (${line.editionCode})`
                : line.product.name,
            })}
          </li>
        ))}
      </ul>
      {registration.note ? <p className="preserve-lines">{registration.note}</p> : null}
      {registration.status === 'REJECTED' ? (
        <div className="alert alert-warning">
          <p className="alert-title">
            {t('card.rejected', {
              who: registration.decidedBy?.name ?? '',
              when: formatDateTime(registration.decidedAt, lang),
            })}
          </p>
          <p className="preserve-lines">{registration.rejectionReason}</p>
        </div>
      ) : registration.decidedAt ? (
        <p className="muted">
          {t('card.decided', {
            who: registration.decidedBy?.name ?? '',
            when: formatDateTime(registration.decidedAt, lang),
          })}
        </p>
      ) : null}
      {hasConflicts ? <Conflicts conflicts={registration.conflicts} lang={lang} /> : null}
      {submitted && (canDecide || canWithdraw) ? (
        <Decision
          id={registration.id}
          version={registration.version}
          conflicts={registration.conflicts}
          canDecide={canDecide}
          canWithdraw={canWithdraw}
          onChanged={onChanged}
        />
      ) : null}
    </article>
  )
}

type Conflict = RegistrationCardFieldsFragment['conflicts'][number]

/**
 * The conflicts found on submission, each with its kind, how the customer was matched, the evidence
 * in the reader's language (from the facts kept at submission) and links to what it collides with
 * as it is now.
 */
function Conflicts({ conflicts, lang }: { conflicts: readonly Conflict[]; lang: string }) {
  const { t } = useTranslation('registrations')
  return (
    <section className="registration-conflicts" aria-label={t('conflict.title')}>
      <p className="alert-title">{t('conflict.count', { count: conflicts.length })}</p>
      <ul>
        {conflicts.map((conflict, index) => (
          <li key={index} className="conflict">
            <span className={`badge conflict-kind conflict-${conflict.kind}`}>
              {t(`conflict.kind.${conflict.kind}`)}
            </span>{' '}
            {conflict.matchedBy.length > 0 ? (
              <span className="muted">
                {t('conflict.matchedBy', {
                  by: conflict.matchedBy.map((m) => t(`conflict.match.${m}`)).join(', '),
                })}
              </span>
            ) : null}
            <p className="conflict-evidence">{conflictEvidence(conflict, t, lang)}</p>
            {conflict.registration ? (
              <p>
                {t('conflict.otherRegistration')}{' '}
                <Link to={`/registrations/${encodeURIComponent(conflict.registration.id)}`}>
                  {conflict.registration.number}
                </Link>{' '}
                ({conflict.registration.partner.name},{' '}
                {t(`status.${conflict.registration.status}`).toLocaleLowerCase(lang)})
              </p>
            ) : null}
            {conflict.customer ? (
              <p>
                {t('conflict.existingCustomer')}{' '}
                <Link to={`/customers/${encodeURIComponent(conflict.customer.id)}`}>
                  {conflict.customer.name}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

const REJECT_FIELDS = ['reason']
const APPROVE_FIELDS = ['protectionDays', 'acknowledgeConflicts']

/** Approve (with the protection period and, when needed, the acknowledgement), reject with a reason, or withdraw. */
function Decision({
  id,
  version,
  conflicts,
  canDecide,
  canWithdraw,
  onChanged,
}: {
  id: string
  version: number
  conflicts: readonly Conflict[]
  canDecide: boolean
  canWithdraw: boolean
  onChanged?: () => void
}) {
  const { t } = useTranslation('registrations')
  const [mode, setMode] = useState<'approve' | 'reject' | null>(null)
  const [reason, setReason] = useState('')
  const [days, setDays] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [approved, approve] = useMutation(ApproveDealRegistrationMutation)
  const [rejected, reject] = useMutation(RejectDealRegistrationMutation)
  const [withdrawn, withdraw] = useMutation(WithdrawDealRegistrationMutation)
  const busy = approved.fetching || rejected.fetching || withdrawn.fetching
  const error = approved.error ?? rejected.error ?? withdrawn.error
  const mustAcknowledge = needsAcknowledgement(conflicts.map((c) => c.kind))
  const mapped = mapUserErrors(errors, mode === 'reject' ? REJECT_FIELDS : APPROVE_FIELDS)
  const daysProblem = checked ? validateProtectionDays(days) : null
  const reasonProblem = checked && mode === 'reject' && !reason.trim() ? 'reasonRequired' : null
  const ackProblem =
    checked && mode === 'approve' && mustAcknowledge && !acknowledged ? 'acknowledgeRequired' : null

  const done = (payload: { userErrors: readonly UserErrorLike[] } | undefined) => {
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) {
      setMode(null)
      onChanged?.()
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (mode === 'reject') {
      if (!reason.trim()) return
      done(
        (await reject({ input: { id, expectedVersion: version, reason: reason.trim() } })).data
          ?.rejectDealRegistration,
      )
    } else if (mode === 'approve') {
      if (validateProtectionDays(days) || (mustAcknowledge && !acknowledged)) return
      done(
        (
          await approve({
            input: {
              id,
              expectedVersion: version,
              protectionDays: days.trim() ? Number(days) : null,
              acknowledgeConflicts: mustAcknowledge ? true : null,
            },
          })
        ).data?.approveDealRegistration,
      )
    }
  }

  const open = (next: 'approve' | 'reject') => {
    setMode(next)
    setChecked(false)
    setErrors([])
  }

  return (
    <div className="registration-decision">
      {error ? <QueryError error={error} /> : null}
      {mode === null ? (
        <div className="form-actions">
          {canDecide ? (
            <>
              <button
                type="button"
                className="button button-primary"
                onClick={() => open('approve')}
              >
                {t('decide.approve')}
              </button>
              <button type="button" className="button" onClick={() => open('reject')}>
                {t('decide.reject')}
              </button>
            </>
          ) : null}
          {canWithdraw ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void withdraw({ input: { id, expectedVersion: version } }).then((result) =>
                  done(result.data?.withdrawDealRegistration),
                )
              }
            >
              {t('decide.withdraw')}
            </button>
          ) : null}
          <FormErrors errors={errors} />
        </div>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <FormErrors errors={mapped.general} title={t('decide.failed')} />
          {mode === 'reject' ? (
            <TextField
              label={t('decide.reason')}
              required
              multiline
              maxLength={1000}
              value={reason}
              onChange={setReason}
              hint={t('decide.reasonHint')}
              errors={mapped.byField.reason}
              inputError={reasonProblem ? t(`decide.${reasonProblem}`) : null}
            />
          ) : (
            <>
              <TextField
                label={t('decide.protectionDays')}
                hint={t('decide.protectionDaysHint')}
                value={days}
                onChange={setDays}
                errors={mapped.byField.protectionDays}
                inputError={daysProblem ? t(`decide.${daysProblem}`) : null}
              />
              {mustAcknowledge ? (
                <div className={ackProblem ? 'field field-invalid' : 'field'}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={acknowledged}
                      aria-invalid={Boolean(ackProblem)}
                      onChange={(event) => setAcknowledged(event.target.checked)}
                    />
                    {t('decide.acknowledge')}
                  </label>
                  {ackProblem ? (
                    <ul className="field-errors">
                      <li>{t(`decide.${ackProblem}`)}</li>
                    </ul>
                  ) : null}
                </div>
              ) : null}
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {mode === 'reject' ? t('decide.confirmReject') : t('decide.confirmApprove')}
            </button>
            <button type="button" className="button" onClick={() => setMode(null)}>
              {t('decide.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
