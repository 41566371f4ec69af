import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'
import { DeleteDocumentMutation } from '../api/orders'

/**
 * "Delete" for an order, shipment or invoice made by mistake, with a confirmation step. The API
 * refuses with CONFLICT while later documents depend on it; that is explained here.
 */
export function DeleteDocument({
  id,
  number,
  onDeleted,
}: {
  id: string
  number: string
  onDeleted: () => void
}) {
  const { t } = useTranslation('orders')
  const [confirming, setConfirming] = useState(false)
  const [result, remove] = useMutation(DeleteDocumentMutation)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])

  const confirm = async () => {
    setErrors([])
    const payload = (await remove({ input: { id } })).data?.deleteDocument
    if (!payload) return
    setErrors(payload.userErrors)
    setConfirming(false)
    if (payload.deletedId && payload.userErrors.length === 0) onDeleted()
  }

  return (
    <div className="delete-document">
      {confirming ? (
        <div role="group" aria-label={t('delete.confirmTitle', { number })}>
          <span>{t('delete.confirm', { number })}</span>{' '}
          <button
            type="button"
            className="button button-danger"
            disabled={result.fetching}
            onClick={() => void confirm()}
          >
            {t('delete.yes')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('delete.button')}
        </button>
      )}
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('delete.problems', { number })}>
        {hasCode(errors, 'CONFLICT') ? <p>{t('delete.conflict')}</p> : null}
      </FormErrors>
    </div>
  )
}
