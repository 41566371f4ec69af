import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMutation } from 'urql'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { hasCode, type UserErrorLike } from '../../../lib/user-errors'
import { DeleteContractMutation } from '../api/contracts'
import { ReloadWhenStale } from './reload-when-stale'

// the answer names no contract: lists that showed it reload
const REFRESH_CONTRACTS = { additionalTypenames: ['Contract'] }

/**
 * "Delete contract" for a draft made by mistake: asks in a modal dialog, then goes back to the
 * list. The API refuses a contract that is no longer a draft or that a payment plan or an invoice
 * rests on (CONFLICT), and one changed meanwhile (STALE_VERSION); both are explained here.
 */
export function DeleteContract({
  contract,
  onReload,
}: {
  contract: { id: string; number: string; version: number }
  onReload: () => void
}) {
  const { t } = useTranslation('contracts')
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, remove] = useMutation(DeleteContractMutation)

  const confirm = async () => {
    setErrors([])
    const answer = await remove(
      { input: { id: contract.id, expectedVersion: contract.version } },
      REFRESH_CONTRACTS,
    )
    const payload = answer.data?.deleteContract
    if (!payload) return
    if (payload.deletedId && payload.userErrors.length === 0) {
      navigate('/contracts')
      return
    }
    setErrors(payload.userErrors)
    setConfirming(false)
  }

  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {t('delete.button')}
      </button>
      {confirming ? (
        <ConfirmDialog
          number={contract.number}
          busy={result.fetching}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={errors} title={t('delete.problems', { number: contract.number })}>
        {hasCode(errors, 'CONFLICT') ? <p>{t('delete.conflict')}</p> : null}
        <ReloadWhenStale errors={errors} onReload={onReload} />
      </FormErrors>
    </>
  )
}

/** The modal question; "Cancel" has the focus, so Enter does not delete by accident. */
function ConfirmDialog({
  number,
  busy,
  onConfirm,
  onCancel,
}: {
  number: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('contracts')
  const titleId = useId()
  const textId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    cancelRef.current?.focus()
    return () => previous?.focus?.()
  }, [])

  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="dialog card"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel()
        }}
      >
        <h2 id={titleId}>{t('delete.title', { number })}</h2>
        <p id={textId}>{t('delete.confirm')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={onConfirm}
          >
            {t('delete.yes')}
          </button>
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        </div>
      </div>
    </div>
  )
}
