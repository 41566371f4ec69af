import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment } from '../../../gql'
import { formatDateTime } from '../../../lib/format'
import { useCan } from '../../../lib/permissions'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  DisablePartnerUserMutation,
  InvitePartnerUserMutation,
  PartnerUsersQuery,
} from '../api/partners'

const PartnerUserFields = graphql(`
  fragment PartnerUserFields on PartnerUser {
    user {
      id
      name
      email
      vendor
    }
    status
    invitedAt
    invitedBy {
      id
      name
      vendor
    }
  }
`)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A partner's portal users with "Invite" and "Disable": on the channel manager's partner page and
 * on the portal's own users page. An invitation's one-time password (the development identity
 * provider returns one) is shown once, until dismissed.
 */
export function PartnerUsersSection({ partnerId }: { partnerId: string }) {
  const { t, i18n } = useTranslation('partners')
  const can = useCan()
  const [result, reexecute] = useQuery({ query: PartnerUsersQuery, variables: { id: partnerId } })
  const users = useFragment(PartnerUserFields, result.data?.partner?.users ?? [])
  const [inviting, setInviting] = useState(false)
  const [invited, setInvited] = useState<{ name: string; password: string | null } | null>(null)
  const [disabled, disable] = useMutation(DisablePartnerUserMutation)
  const [disableErrors, setDisableErrors] = useState<readonly UserErrorLike[]>([])
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const active = result.data?.partner?.status === 'ACTIVE'
  const mayInvite = can('CREATE', 'PARTNER_USER')
  return (
    <section className="card" aria-labelledby={`users-${partnerId}`}>
      <header className="card-header">
        <h2 id={`users-${partnerId}`}>{t('users.title')}</h2>
        {mayInvite && !inviting ? (
          <button
            type="button"
            className="button button-small"
            disabled={!active}
            title={active ? undefined : t('users.onlyActive')}
            onClick={() => {
              setInviting(true)
              setInvited(null)
            }}
          >
            + {t('users.invite')}
          </button>
        ) : null}
      </header>
      {mayInvite && result.data?.partner && !active ? (
        <p className="muted">{t('users.onlyActive')}</p>
      ) : null}
      {invited ? (
        <div
          role="region"
          aria-label={t('users.invitedTitle', { name: invited.name })}
          className="alert alert-info"
        >
          <p className="alert-title">{t('users.invitedTitle', { name: invited.name })}</p>
          {invited.password ? (
            <>
              <p>{t('users.passwordOnce')}</p>
              <p>
                <label>
                  {t('users.password')}{' '}
                  <input type="text" readOnly value={invited.password} className="secret" />
                </label>
              </p>
            </>
          ) : (
            <p>{t('users.invitationSent')}</p>
          )}
          <button type="button" className="button button-small" onClick={() => setInvited(null)}>
            {t('users.done')}
          </button>
        </div>
      ) : null}
      {inviting ? (
        <InviteForm
          partnerId={partnerId}
          onCancel={() => setInviting(false)}
          onInvited={(name, password) => {
            setInviting(false)
            setInvited({ name, password })
            reload()
          }}
        />
      ) : null}
      {result.error ? <QueryError error={result.error} onRetry={reload} /> : null}
      {disabled.error ? <QueryError error={disabled.error} /> : null}
      <FormErrors errors={disableErrors} />
      {result.fetching && !result.data ? (
        <Loading />
      ) : users.length === 0 ? (
        <p className="muted">{t('users.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.invitedAt')}</th>
              {can('UPDATE', 'PARTNER_USER') ? (
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {users.map((member) => (
              <tr key={member.user.id}>
                <th scope="row">{member.user.name}</th>
                <td>{member.user.email ?? ''}</td>
                <td>
                  <span className={`badge partner-user-${member.status}`}>
                    {t(`users.statusName.${member.status}`)}
                  </span>
                </td>
                <td>
                  {formatDateTime(member.invitedAt, i18n.language)}
                  {member.invitedBy ? ` · ${member.invitedBy.name}` : ''}
                </td>
                {can('UPDATE', 'PARTNER_USER') ? (
                  <td>
                    {member.status !== 'DISABLED' ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={disabled.fetching}
                        onClick={() =>
                          void disable({ input: { partnerId, userId: member.user.id } }).then(
                            (answer) => {
                              const errors = answer.data?.disablePartnerUser.userErrors ?? []
                              setDisableErrors(errors)
                              if (answer.data && errors.length === 0) reload()
                            },
                          )
                        }
                      >
                        {t('users.disable', { name: member.user.name })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function InviteForm({
  partnerId,
  onCancel,
  onInvited,
}: {
  partnerId: string
  onCancel: () => void
  onInvited: (name: string, password: string | null) => void
}) {
  const { t } = useTranslation('partners')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [sent, invite] = useMutation(InvitePartnerUserMutation)
  const mapped = mapUserErrors(errors, ['name', 'email'])
  const nameProblem = checked && !name.trim() ? t('form.required') : null
  const emailProblem = checked && !EMAIL.test(email.trim()) ? t('users.emailInvalid') : null
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!name.trim() || !EMAIL.test(email.trim())) return
    const payload = (await invite({ input: { partnerId, name: name.trim(), email: email.trim() } }))
      .data?.invitePartnerUser
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.partnerUser && payload.userErrors.length === 0) {
      onInvited(payload.partnerUser.user.name, payload.initialPassword ?? null)
    }
  }
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {sent.error ? <QueryError error={sent.error} /> : null}
      <FormErrors errors={mapped.general} title={t('users.inviteFailed')} />
      <div className="form-grid">
        <TextField
          label={t('users.name')}
          required
          maxLength={200}
          value={name}
          onChange={setName}
          errors={mapped.byField.name}
          inputError={nameProblem}
        />
        <TextField
          label={t('users.email')}
          type="email"
          required
          maxLength={200}
          value={email}
          onChange={setEmail}
          errors={mapped.byField.email}
          inputError={emailProblem}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={sent.fetching}>
          {t('users.sendInvite')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
