import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../../../components/form-field'
import type { PaymentMethod } from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'
import { PAYMENT_METHODS } from '../utils/documents'

/** How money moved and the bank's reference: the same two fields for payments and refunds. */
export function MethodAndReference({
  method,
  onMethod,
  reference,
  onReference,
  errors,
}: {
  method: PaymentMethod
  onMethod: (method: PaymentMethod) => void
  reference: string
  onReference: (reference: string) => void
  errors: { method?: readonly UserErrorLike[]; reference?: readonly UserErrorLike[] }
}) {
  const { t } = useTranslation('billing')
  return (
    <>
      <SelectField
        label={t('payment.method')}
        value={method}
        onChange={(value) => value && onMethod(value)}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        errors={errors.method}
      />
      <TextField
        label={t('payment.reference')}
        value={reference}
        onChange={onReference}
        maxLength={200}
        errors={errors.reference}
      />
    </>
  )
}
