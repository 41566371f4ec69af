import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { MarkOpportunityLostMutation } from '../api/mutations'
import { LostReasonsQuery } from '../api/pipelines'
import type { Deal } from '../utils/board'
import { OpportunityCardFieldsFragmentDoc } from '../../../gql/graphql'
import { readFragment } from '../../../lib/read-fragment'

const FIELDS = ['lostReasonId', 'note']

/** A small modal dialog: why was the deal lost? */
export function LostDialog({
  deal,
  reasonRequired,
  onClose,
  onDone,
}: {
  deal: Deal
  reasonRequired: boolean
  onClose: () => void
  onDone: (deal: Deal) => void
}) {
  const { t } = useTranslation('sales')
  const titleId = useId()
  const [reasons] = useQuery({ query: LostReasonsQuery })
  const [result, markLost] = useMutation(MarkOpportunityLostMutation)
  const [reasonId, setReasonId] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const dialogRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    dialogRef.current?.querySelector<HTMLElement>('select, textarea, button')?.focus()
    return () => previous?.focus?.()
  }, [])

  const mapped = mapUserErrors(errors, FIELDS)

  const submit = async () => {
    const response = await markLost({
      input: {
        id: deal.id,
        expectedVersion: deal.version,
        lostReasonId: reasonId || null,
        note: note.trim() || null,
      },
    })
    const payload = response.data?.markOpportunityLost
    if (!payload) return
    setErrors(payload.userErrors)
    if (payload.opportunity && payload.userErrors.length === 0)
      onDone(readFragment(OpportunityCardFieldsFragmentDoc, payload.opportunity))
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog card"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose()
        }}
      >
        <h2 id={titleId}>{t('lost.title', { name: deal.name })}</h2>
        {result.error ? <QueryError error={result.error} /> : null}
        <FormErrors errors={mapped.general} title={t('lost.problems')} />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <SelectField
            label={t('lost.reason')}
            required={reasonRequired}
            value={reasonId}
            onChange={setReasonId}
            emptyLabel={t('lost.chooseReason')}
            options={(reasons.data?.lostReasons ?? []).map((r) => ({ value: r.id, label: r.name }))}
            errors={mapped.byField.lostReasonId}
          />
          <TextField
            label={t('lost.note')}
            multiline
            value={note}
            onChange={setNote}
            maxLength={2000}
            errors={mapped.byField.note}
          />
          <div className="form-actions">
            <button type="submit" className="button button-danger" disabled={result.fetching}>
              {t('lost.submit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel', { ns: 'translation' })}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
