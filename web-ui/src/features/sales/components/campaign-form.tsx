import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { CampaignFieldsFragment, CampaignKind } from '../../../gql/graphql'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreateCampaignMutation, UpdateCampaignMutation } from '../api/campaigns'
import {
  CAMPAIGN_FIELDS,
  CAMPAIGN_KINDS,
  campaignToValues,
  checkCampaignValues,
  emptyCampaignValues,
  toCreateCampaignInput,
  toUpdateCampaignInput,
  type CampaignFormValues,
} from '../utils/campaign-form'
import { CURRENCIES } from '../utils/money'

export type CampaignFormProps = {
  /** The campaign to edit; without it the form creates one. */
  campaign?: CampaignFieldsFragment
  onCancel: () => void
  /** Called with the saved campaign's name once the server accepted it. */
  onSaved: (name: string) => void
  /** Offered when someone else changed the campaign meanwhile (STALE_VERSION). */
  onReload?: () => void
}

/** "New campaign" or "Edit campaign": errors at their fields, a version conflict on top. */
export function CampaignForm({ campaign, onCancel, onSaved, onReload }: CampaignFormProps) {
  const { t } = useTranslation('sales')
  const [created, create] = useMutation(CreateCampaignMutation)
  const [updated, update] = useMutation(UpdateCampaignMutation)
  const [values, setValues] = useState<CampaignFormValues>(() =>
    campaign ? campaignToValues(campaign) : emptyCampaignValues,
  )
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, CAMPAIGN_FIELDS)
  const stale = hasCode(errors, 'STALE_VERSION')
  const general = mapped.general.filter((error) => error.code !== 'STALE_VERSION')
  const result = campaign ? updated : created
  const currencies: string[] = [...CURRENCIES]
  if (!currencies.includes(values.currency)) currencies.push(values.currency)
  const set =
    <K extends keyof CampaignFormValues>(key: K) =>
    (value: CampaignFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }))

  const submit = async () => {
    const problems = checkCampaignValues(values)
    setErrors(problems)
    if (problems.length > 0) return
    const payload = campaign
      ? (await update({ input: toUpdateCampaignInput(campaign, values) })).data?.updateCampaign
      : (await create({ input: toCreateCampaignInput(values) })).data?.createCampaign
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.campaign && payload.userErrors.length === 0) onSaved(payload.campaign.name)
  }

  const titleId = campaign ? 'campaign-edit-title' : 'campaign-create-title'
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.newTitle')}
      </h2>
      {result.error ? <QueryError error={result.error} /> : null}
      {stale ? (
        <div role="alert" className="alert alert-warning" tabIndex={-1}>
          <p>{t('campaigns.staleVersion')}</p>
          {onReload ? (
            <button type="button" className="button" onClick={onReload}>
              {t('campaigns.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <FormErrors
        errors={general}
        title={campaign ? t('campaigns.saveProblems') : t('campaigns.problems')}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={t('campaigns.name')}
          required
          value={values.name}
          onChange={set('name')}
          maxLength={200}
          errors={mapped.byField.name}
        />
        <SelectField<CampaignKind>
          label={t('campaigns.kind')}
          value={values.kind}
          onChange={(value) => set('kind')(value || 'OTHER')}
          options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaignKind.${k}`) }))}
          errors={mapped.byField.kind}
        />
        <div className="deal-create-money">
          <DateField
            label={t('campaigns.startsOn')}
            errors={mapped.byField.startsOn}
            value={values.startsOn}
            onChange={set('startsOn')}
          />
          <DateField
            label={t('campaigns.endsOn')}
            errors={mapped.byField.endsOn}
            value={values.endsOn}
            min={values.startsOn || undefined}
            onChange={set('endsOn')}
          />
        </div>
        <div className="deal-create-money">
          <TextField
            label={t('campaigns.cost')}
            value={values.cost}
            onChange={set('cost')}
            errors={[...(mapped.byField.cost ?? []), ...(mapped.byField['cost.amount'] ?? [])]}
          />
          <SelectField
            label={t('field.currency')}
            value={values.currency}
            onChange={(value) => set('currency')(value || 'EUR')}
            options={currencies.map((c) => ({ value: c, label: c }))}
            errors={mapped.byField['cost.currency']}
          />
        </div>
        <TextField
          label={t('campaigns.notes')}
          multiline
          value={values.notes}
          onChange={set('notes')}
          errors={mapped.byField.notes}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {campaign ? t('campaigns.save') : t('campaigns.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
