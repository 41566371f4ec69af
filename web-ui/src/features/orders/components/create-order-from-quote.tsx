import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMutation } from 'urql'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { UserErrorLike } from '../../../lib/user-errors'
import { CreateOrderFromQuoteMutation } from '../api/orders'

/** "Create order" on an accepted quote: makes the order and opens it. Nothing for other quotes. */
export function CreateOrderFromQuote({
  quote,
}: {
  quote: { id: string; documentNumber: string; status: string }
}) {
  const { t } = useTranslation('orders')
  const navigate = useNavigate()
  const [result, create] = useMutation(CreateOrderFromQuoteMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  if (quote.status !== 'ACCEPTED') return null

  const submit = async () => {
    setErrors([])
    const payload = (await create({ input: { quoteId: quote.id } })).data?.createOrderFromQuote
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.order && payload.userErrors.length === 0) {
      navigate(`/orders/${encodeURIComponent(payload.order.id)}`)
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={result.fetching}
        aria-label={t('fromQuote.label', { number: quote.documentNumber })}
        onClick={() => void submit()}
      >
        {t('fromQuote.button')}
      </button>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('fromQuote.problems')} />
    </>
  )
}
