import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { LicenseFieldsFragment, UpgradeLicenseInput } from '../../../gql/graphql'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { LicenseEditionsQuery, UpgradeLicenseMutation } from '../api/licenses'

/** The API's bounds for a license's seats. */
export const MIN_SEATS = 1
export const MAX_SEATS = 100_000

/**
 * "Upgrade": another active edition of the license's product and/or another number of seats.
 * Sends only what changed, with the version the page shows.
 */
export function UpgradeLicenseDialog({
  license,
  onCancel,
  onReload,
}: {
  license: LicenseFieldsFragment
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('licenses')
  const [editions] = useQuery({ query: LicenseEditionsQuery, variables: { id: license.id } })
  const [result, upgrade] = useMutation(UpgradeLicenseMutation)
  const [editionCode, setEditionCode] = useState(license.editionCode ?? '')
  const [seats, setSeats] = useState(String(license.seats))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [unchanged, setUnchanged] = useState(false)
  const mapped = mapUserErrors(errors, ['editionCode', 'seats', 'reason'])
  const all = editions.data?.license?.product.editions ?? []
  // active editions, and the current one even when it is no longer sold (to keep it)
  const options = all.filter((e) => e.active || e.code === license.editionCode)
  if (license.editionCode && !options.some((e) => e.code === license.editionCode)) {
    options.unshift({ code: license.editionCode, name: license.editionCode, active: false })
  }

  const submit = async () => {
    const local: UserErrorLike[] = []
    const seatCount = Number(seats)
    const seatsValid =
      seats.trim() !== '' &&
      Number.isInteger(seatCount) &&
      seatCount >= MIN_SEATS &&
      seatCount <= MAX_SEATS
    if (!seatsValid) {
      local.push({
        field: ['input', 'seats'],
        code: seats.trim() === '' ? 'REQUIRED' : 'INVALID_VALUE',
        message: '',
      })
    }
    setErrors(local)
    if (local.length > 0) {
      setUnchanged(false)
      return
    }
    const input: UpgradeLicenseInput = {
      id: license.id,
      expectedVersion: license.version,
      reason: reason.trim() || null,
    }
    if (editionCode && editionCode !== (license.editionCode ?? '')) input.editionCode = editionCode
    if (seatCount !== license.seats) input.seats = seatCount
    const nothing = input.editionCode === undefined && input.seats === undefined
    setUnchanged(nothing)
    if (nothing) return
    const payload = (await upgrade({ input })).data?.upgradeLicense
    if (payload) setErrors(payload.userErrors)
    // success arrives with a new version: the page starts afresh without the dialog
  }

  return (
    <section className="card" role="dialog" aria-labelledby="upgrade-license-title">
      <h2 id="upgrade-license-title">{t('upgrade.title')}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      {editions.error ? <QueryError error={editions.error} /> : null}
      <FormErrors errors={mapped.general} title={t('actions.problems')}>
        {hasCode(errors, 'STALE_VERSION') ? (
          <>
            <p>{t('actions.staleVersion')}</p>
            <button type="button" className="button" onClick={onReload}>
              {t('actions.reload')}
            </button>
          </>
        ) : null}
      </FormErrors>
      {unchanged ? (
        <p role="alert" className="alert alert-error">
          {t('upgrade.nothingChanged')}
        </p>
      ) : null}
      {editions.fetching && !editions.data ? (
        <Loading />
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          {options.length > 0 ? (
            <SelectField
              label={t('upgrade.edition')}
              value={editionCode}
              onChange={setEditionCode}
              emptyLabel={license.editionCode ? undefined : t('upgrade.noEdition')}
              options={options.map((e) => ({
                value: e.code,
                label: e.active ? `${e.name} (${e.code})` : t('upgrade.retired', { name: e.name }),
              }))}
              errors={mapped.byField.editionCode}
            />
          ) : (
            <p className="muted">{t('upgrade.noEditions')}</p>
          )}
          <FormField
            label={t('field.seats')}
            required
            hint={t('upgrade.seatsHint', { min: MIN_SEATS, max: MAX_SEATS })}
            errors={mapped.byField.seats}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={MIN_SEATS}
                max={MAX_SEATS}
                step={1}
                value={seats}
                onChange={(event) => setSeats(event.target.value)}
              />
            )}
          </FormField>
          <TextField
            label={t('actions.reason')}
            multiline
            value={reason}
            onChange={setReason}
            maxLength={500}
            errors={mapped.byField.reason}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={result.fetching}>
              {t('upgrade.submit')}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('common.cancel', { ns: 'translation' })}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
