import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateTimeField } from '../../../components/date-time-field'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { LogActivityMutation } from '../api/mutations'
import { useReminderAssignees } from '../api/users'
import { inDays, toLocalInput } from '../utils/datetime'
import { ACTIVITY_KINDS } from '../utils/enums'
import {
  checkLogActivity,
  emptyLogActivityValues,
  logActivityFieldKeys,
  toLogActivityInput,
  type LogActivityValues,
} from '../utils/form-values'

export type ContactOption = { id: string; fullName: string }

export type LogActivityFormProps = {
  customerId: string
  /** The customer's contacts, to say whom it was with. */
  contacts: readonly ContactOption[]
  /** Managers and admins may remind someone else (from the `users` query). */
  canAssign: boolean
  /** The signed-in user, left out of the assignee choices (they are "me"). */
  meId?: string
  onLogged: () => void
  onCancel: () => void
}

/** Records a call, meeting, demo, visit, e-mail or task, with an optional follow-up. */
export function LogActivityForm({
  customerId,
  contacts,
  canAssign,
  meId,
  onLogged,
  onCancel,
}: LogActivityFormProps) {
  const { t } = useTranslation('activities')
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<LogActivityValues>(() => emptyLogActivityValues())
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, logActivity] = useMutation(LogActivityMutation)
  const { users } = useReminderAssignees({ pause: !canAssign || !values.withReminder })

  const set = <K extends keyof LogActivityValues>(key: K, value: LogActivityValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))

  const mapped = mapUserErrors(errors, logActivityFieldKeys(values))

  const showErrors = (next: readonly UserErrorLike[]) => {
    setErrors(next)
    // after React has rendered them: focus the first field at fault, else the summary
    requestAnimationFrame(() => {
      const form = formRef.current
      const target =
        form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        form?.querySelector<HTMLElement>('[role="alert"]')
      target?.focus()
    })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (result.fetching) return
    const local = checkLogActivity(values)
    if (local.length > 0) {
      showErrors(local)
      return
    }
    const response = await logActivity({ input: toLogActivityInput(customerId, values) })
    const payload = response.data?.logActivity
    if (!payload) return
    if (payload.activity && payload.userErrors.length === 0) {
      setErrors([])
      onLogged()
      return
    }
    showErrors(payload.userErrors)
  }

  const quickDue = (days: number) => set('dueAt', toLocalInput(inDays(new Date(), days)))

  return (
    <form
      ref={formRef}
      className="form activity-form"
      onSubmit={submit}
      noValidate
      aria-label={t('log.title')}
    >
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('log.problems')} />
      <div className="form-grid">
        <SelectField
          label={t('activity.field.kind')}
          value={values.kind}
          onChange={(value) => value && set('kind', value)}
          options={ACTIVITY_KINDS.map((kind) => ({
            value: kind,
            label: t(`activity.kind.${kind}`),
          }))}
          errors={mapped.byField.kind}
        />
        <DateTimeField
          label={t('activity.field.occurredAt')}
          value={values.occurredAt}
          onChange={(value) => set('occurredAt', value)}
          errors={mapped.byField.occurredAt}
        />
        <TextField
          label={t('activity.field.subject')}
          required
          maxLength={200}
          value={values.subject}
          onChange={(value) => set('subject', value)}
          errors={mapped.byField.subject}
          className="span-2"
        />
        <SelectField
          label={t('activity.field.contact')}
          value={values.contactId}
          onChange={(value) => set('contactId', value)}
          emptyLabel={t('log.noContact')}
          options={contacts.map((contact) => ({ value: contact.id, label: contact.fullName }))}
          errors={mapped.byField.contactId}
          className="span-2"
        />
        <TextField
          label={t('activity.field.notes')}
          multiline
          value={values.notes}
          onChange={(value) => set('notes', value)}
          errors={mapped.byField.notes}
          className="span-2"
        />
        <TextField
          label={t('activity.field.outcome')}
          multiline
          value={values.outcome}
          onChange={(value) => set('outcome', value)}
          errors={mapped.byField.outcome}
          className="span-2"
        />
      </div>

      {values.withReminder ? (
        <fieldset className="form-section">
          <legend>{t('log.followUp')}</legend>
          <div className="form-grid">
            <div className="field-with-actions">
              <DateTimeField
                label={t('log.dueAt')}
                required
                value={values.dueAt}
                onChange={(value) => set('dueAt', value)}
                errors={mapped.byField['reminder.dueAt']}
              />
              <div className="quick-choices" role="group" aria-label={t('log.quickDue')}>
                <button type="button" className="button button-small" onClick={() => quickDue(3)}>
                  {t('log.in3Days')}
                </button>
                <button type="button" className="button button-small" onClick={() => quickDue(7)}>
                  {t('log.in7Days')}
                </button>
              </div>
            </div>
            {canAssign ? (
              <SelectField
                label={t('log.assignee')}
                value={values.assigneeId}
                onChange={(value) => set('assigneeId', value)}
                emptyLabel={t('log.me')}
                options={users
                  .filter((user) => user.id !== meId)
                  .map((user) => ({ value: user.id, label: user.name }))}
                errors={mapped.byField['reminder.assigneeId']}
              />
            ) : null}
          </div>
          <p>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setValues((previous) => ({ ...previous, withReminder: false }))}
            >
              {t('log.removeFollowUp')}
            </button>
          </p>
        </fieldset>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => set('withReminder', true)}>
            + {t('log.addFollowUp')}
          </button>
        </p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {result.fetching ? t('common.saving', { ns: 'translation' }) : t('log.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
