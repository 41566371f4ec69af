import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useMutation } from 'urql'
import { SelectField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import type { UserErrorLike } from '../../../lib/user-errors'
import { CreatePartnerMutation } from '../api/partners'
import { EMPTY_PARTNER, toCreatePartnerInput } from '../utils/partner-form'
import { PartnerForm } from './partner-form'
import '../partners.css'

/**
 * A new partner (/channel/partners/new) or sub-dealer (`?parent=<id>`; the portal's sub-dealers
 * page passes its own partner): the organisation, its tier and whether it starts as a prospect.
 */
export function PartnerCreatePage({
  parentId: fixedParent,
  backTo,
  pageOf,
}: {
  /** The partner new ones are sub-dealers of; else `?parent=` of the address, else none. */
  parentId?: string
  backTo: string
  /** Where the new partner's page is, or null to go back to `backTo`. */
  pageOf: ((id: string) => string) | null
}) {
  const { t } = useTranslation('partners')
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const parentId = fixedParent ?? params.get('parent') ?? null
  const [status, setStatus] = useState<'PROSPECTIVE' | 'ACTIVE'>('PROSPECTIVE')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [created, create] = useMutation(CreatePartnerMutation)
  return (
    <section className="page page-narrow" aria-labelledby="partner-new-title">
      <p className="breadcrumb">
        <Link to={backTo}>← {t('detail.back')}</Link>
      </p>
      <header className="page-header">
        <h1 id="partner-new-title">{parentId ? t('create.subDealerTitle') : t('create.title')}</h1>
      </header>
      {created.error ? <QueryError error={created.error} /> : null}
      <PartnerForm
        initial={EMPTY_PARTNER}
        submitLabel={t('create.submit')}
        busy={created.fetching}
        errors={errors}
        onCancel={() => navigate(backTo)}
        onSubmit={(values) =>
          void create({ input: toCreatePartnerInput(values, { status, parentId }) }).then(
            (result) => {
              const payload = result.data?.createPartner
              if (!payload) return
              setErrors(payload.userErrors)
              if (payload.partner && payload.userErrors.length === 0) {
                navigate(pageOf ? pageOf(payload.partner.id) : backTo)
              }
            },
          )
        }
      >
        <SelectField<'PROSPECTIVE' | 'ACTIVE'>
          label={t('field.status')}
          value={status}
          onChange={(value) => setStatus(value || 'PROSPECTIVE')}
          options={(['PROSPECTIVE', 'ACTIVE'] as const).map((s) => ({
            value: s,
            label: t(`status.${s}`),
          }))}
        />
      </PartnerForm>
    </section>
  )
}
