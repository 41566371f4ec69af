import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { UpdateLostReasonMutation } from '../api/pipelines'
import { namesOf, toNamesInput, type Names } from '../utils/pipeline-form'

/** Every language a reason can be named in; its default name shows in the others. */
const REASON_LANGUAGES = ['en', 'ru', 'zh-CN'] as const

const REFRESH_ON_REASONS = { additionalTypenames: ['LostReason'] }

export type EditedReason = {
  id: string
  defaultName: string
  names: readonly { language: string; name: string }[]
  version: number
}

/**
 * Renames a lost reason per language (`updateLostReason`, with the version read): the names
 * given replace the saved ones, a blank one is removed, the default name stays. A reason changed
 * meanwhile (`STALE_VERSION`) is said on top with "Reload".
 */
export function LostReasonNamesForm({
  reason,
  onSaved,
  onCancel,
  onReload,
}: {
  reason: EditedReason
  onSaved: () => void
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('sales')
  const [names, setNames] = useState<Names>(() => namesOf(reason.names))
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, update] = useMutation(UpdateLostReasonMutation)
  const mapped = mapUserErrors(errors, ['names'])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const response = await update(
      { input: { id: reason.id, expectedVersion: reason.version, names: toNamesInput(names) } },
      REFRESH_ON_REASONS,
    )
    const payload = response.data?.updateLostReason
    if (!payload) {
      setErrors([])
      return
    }
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onSaved()
  }

  return (
    <form
      className="lost-reason-names"
      aria-label={t('settings.reasonNamesOf', { name: reason.defaultName })}
      onSubmit={onSubmit}
      noValidate
    >
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('settings.reasonNamesProblems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <button type="button" className="button" onClick={onReload}>
            {t('settings.reloadReasons')}
          </button>
        ) : null}
      </FormErrors>
      <p className="field-hint">{t('settings.defaultNameHint', { name: reason.defaultName })}</p>
      {REASON_LANGUAGES.map((language) => (
        <TextField
          key={language}
          label={t(`settings.reasonNameOfIn.${language}`, { name: reason.defaultName })}
          value={names[language] ?? ''}
          maxLength={100}
          onChange={(value) => setNames((previous) => ({ ...previous, [language]: value }))}
          errors={language === REASON_LANGUAGES[0] ? mapped.byField.names : undefined}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('settings.saveNames')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
