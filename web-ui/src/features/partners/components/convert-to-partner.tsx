import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { SelectField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { UserErrorLike } from '../../../lib/user-errors'
import { ConvertCustomerToPartnerMutation, PartnerTiersQuery } from '../api/partners'

/**
 * "Convert to a partner" on a customer's page (the customer who starts reselling): a new partner
 * from the customer's organisation, linked to it; the customer keeps its history and owner.
 */
export function ConvertToPartner({
  customerId,
  customerName,
}: {
  customerId: string
  customerName: string
}) {
  const { t } = useTranslation('partners')
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [tierId, setTierId] = useState('')
  const [status, setStatus] = useState<'PROSPECTIVE' | 'ACTIVE'>('PROSPECTIVE')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [tiers] = useQuery({ query: PartnerTiersQuery, pause: !open })
  const [converted, convert] = useMutation(ConvertCustomerToPartnerMutation)
  return (
    <section className="card" aria-labelledby="convert-title">
      <header className="card-header">
        <h2 id="convert-title">{t('convert.title')}</h2>
        {!open ? (
          <button type="button" className="button button-small" onClick={() => setOpen(true)}>
            {t('convert.open')}
          </button>
        ) : null}
      </header>
      <p className="muted">{t('convert.explain', { name: customerName })}</p>
      {open ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void convert({
              input: { customerId, tierId: tierId || null, status },
            }).then((result) => {
              const payload = result.data?.convertCustomerToPartner
              if (!payload) return
              setErrors(payload.userErrors)
              if (payload.partner && payload.userErrors.length === 0) {
                navigate(`/channel/partners/${encodeURIComponent(payload.partner.id)}`)
              }
            })
          }}
        >
          {converted.error ? <QueryError error={converted.error} /> : null}
          <FormErrors errors={errors} title={t('convert.failed')} />
          <div className="form-grid">
            <SelectField
              label={t('field.tier')}
              value={tierId}
              onChange={setTierId}
              emptyLabel={t('tier.none')}
              options={(tiers.data?.partnerTiers ?? []).map((tier) => ({
                value: tier.id,
                label: tier.name,
              }))}
            />
            <SelectField<'PROSPECTIVE' | 'ACTIVE'>
              label={t('field.status')}
              value={status}
              onChange={(value) => setStatus(value || 'PROSPECTIVE')}
              options={(['PROSPECTIVE', 'ACTIVE'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={converted.fetching}>
              {t('convert.submit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
