import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { PartnerTiersQuery as PartnerTiersResult } from '../../../gql/graphql'
import { formatNumber, formatPercent } from '../../../lib/format'
import { useCan } from '../../../lib/permissions'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  CreatePartnerTierMutation,
  DeletePartnerTierMutation,
  PartnerTiersQuery,
  UpdatePartnerTierMutation,
} from '../api/partners'
import { validateTier, type TierFormValues } from '../utils/tier-form'
import '../partners.css'

type Tier = PartnerTiersResult['partnerTiers'][number]

/**
 * /channel/tiers: the tiers lowest first, with how many catalogue prices name each; create, edit
 * (name, position, default discount) and delete a tier no partner is on.
 */
export function TiersPage() {
  const { t, i18n } = useTranslation('partners')
  const can = useCan()
  const [result, reexecute] = useQuery({ query: PartnerTiersQuery })
  const [editing, setEditing] = useState<string | null>(null)
  const [deleted, remove] = useMutation(DeletePartnerTierMutation)
  const [deleteErrors, setDeleteErrors] = useState<readonly UserErrorLike[]>([])
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const tiers = result.data?.partnerTiers ?? []
  const mayEdit = can('UPDATE', 'PARTNER_TIER')
  const done = () => {
    setEditing(null)
    reload()
  }
  return (
    <section className="page" aria-labelledby="tiers-title">
      <header className="page-header">
        <div>
          <h1 id="tiers-title">{t('tiers.title')}</h1>
          <p className="page-subtitle">{t('tiers.subtitle')}</p>
        </div>
        {can('CREATE', 'PARTNER_TIER') && editing === null ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing('new')}
            >
              + {t('tiers.new')}
            </button>
          </div>
        ) : null}
      </header>
      {editing === 'new' ? (
        <TierForm tier={null} onCancel={() => setEditing(null)} onSaved={done} />
      ) : null}
      {result.error ? <QueryError error={result.error} onRetry={reload} /> : null}
      {deleted.error ? <QueryError error={deleted.error} /> : null}
      <FormErrors errors={deleteErrors} title={t('tiers.deleteFailed')} />
      {result.fetching && !result.data ? (
        <Loading />
      ) : tiers.length === 0 ? (
        result.error ? null : (
          <EmptyState title={t('tiers.none')} />
        )
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('tiers.position')}</th>
                <th scope="col">{t('tiers.code')}</th>
                <th scope="col">{t('tiers.name')}</th>
                <th scope="col" className="number">
                  {t('tiers.discount')}
                </th>
                <th scope="col" className="number">
                  {t('tiers.prices')}
                </th>
                {mayEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('tiers.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {tiers.map((tier) =>
                editing === tier.id ? (
                  <tr key={tier.id}>
                    <td colSpan={mayEdit ? 6 : 5}>
                      <TierForm tier={tier} onCancel={() => setEditing(null)} onSaved={done} />
                    </td>
                  </tr>
                ) : (
                  <tr key={tier.id}>
                    <td>{tier.position}</td>
                    <td>
                      <code>{tier.code}</code>
                    </td>
                    <th scope="row">{tier.name}</th>
                    <td className="number">
                      {tier.defaultDiscountPercent === null ||
                      tier.defaultDiscountPercent === undefined
                        ? '—'
                        : t('tiers.percent', {
                            percent: formatPercent(tier.defaultDiscountPercent, i18n.language),
                          })}
                    </td>
                    <td className="number">{formatNumber(tier.priceCount, i18n.language)}</td>
                    {mayEdit ? (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button button-small"
                          disabled={editing !== null}
                          onClick={() => setEditing(tier.id)}
                        >
                          {t('tiers.edit', { name: tier.name })}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={deleted.fetching}
                          onClick={() => {
                            if (!window.confirm(t('tiers.confirmDelete', { name: tier.name })))
                              return
                            void remove({
                              input: { id: tier.id, expectedVersion: tier.version },
                            }).then((answer) => {
                              const errors = answer.data?.deletePartnerTier.userErrors ?? []
                              setDeleteErrors(errors)
                              if (answer.data && errors.length === 0) reload()
                            })
                          }}
                        >
                          {t('tiers.delete', { name: tier.name })}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function TierForm({
  tier,
  onCancel,
  onSaved,
}: {
  tier: Tier | null
  onCancel: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation('partners')
  const [values, setValues] = useState<TierFormValues>({
    code: tier?.code ?? '',
    name: tier?.name ?? '',
    position: tier ? String(tier.position) : '',
    discount: tier?.defaultDiscountPercent ?? '',
  })
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [created, create] = useMutation(CreatePartnerTierMutation)
  const [updated, update] = useMutation(UpdatePartnerTierMutation)
  const problems = checked ? validateTier(values, tier === null) : {}
  const mapped = mapUserErrors(errors, ['code', 'name', 'position', 'defaultDiscountPercent'])
  const set = (field: keyof TierFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }))
  const problem = (field: keyof TierFormValues) =>
    problems[field] ? t(`tiers.problem.${problems[field]}`) : null
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validateTier(values, tier === null)).length > 0) return
    const position = values.position.trim() ? Number(values.position) : null
    const defaultDiscountPercent = values.discount.trim() || null
    const payload = tier
      ? (
          await update({
            input: {
              id: tier.id,
              expectedVersion: tier.version,
              name: values.name.trim(),
              position,
              defaultDiscountPercent,
            },
          })
        ).data?.updatePartnerTier
      : (
          await create({
            input: {
              code: values.code.trim().toUpperCase(),
              name: values.name.trim(),
              position,
              defaultDiscountPercent,
            },
          })
        ).data?.createPartnerTier
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) onSaved()
  }
  const error = created.error ?? updated.error
  return (
    <form className="card form" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{tier ? t('tiers.editTitle', { name: tier.name }) : t('tiers.newTitle')}</h2>
      {error ? <QueryError error={error} /> : null}
      <FormErrors errors={mapped.general} title={t('tiers.failed')} />
      <div className="form-grid">
        {tier ? null : (
          <TextField
            label={t('tiers.code')}
            required
            hint={t('tiers.codeHint')}
            maxLength={30}
            value={values.code}
            onChange={set('code')}
            errors={mapped.byField.code}
            inputError={problem('code')}
          />
        )}
        <TextField
          label={t('tiers.name')}
          required
          maxLength={100}
          value={values.name}
          onChange={set('name')}
          errors={mapped.byField.name}
          inputError={problem('name')}
        />
        <TextField
          label={t('tiers.position')}
          hint={t('tiers.positionHint')}
          value={values.position}
          onChange={set('position')}
          errors={mapped.byField.position}
          inputError={problem('position')}
        />
        <TextField
          label={t('tiers.discount')}
          hint={t('tiers.discountHint')}
          value={values.discount}
          onChange={set('discount')}
          errors={mapped.byField.defaultDiscountPercent}
          inputError={problem('discount')}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={created.fetching || updated.fetching}
        >
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}
