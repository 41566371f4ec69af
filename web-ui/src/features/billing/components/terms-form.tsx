import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormField, SelectField, TextField } from '../../../components/form-field'
import { DateField } from '../../../components/date-field'
import { FieldErrors, FormErrors } from '../../../components/user-error-list'
import type { PaymentTermInput, PaymentTermKind, PaymentTriggerEvent } from '../../../gql/graphql'
import { normalizeDecimal } from '../../../lib/decimal'
import { todayIso } from '../../../lib/money'
import type { UserErrorLike } from '../../../lib/user-errors'
import {
  emptyRow,
  presetRows,
  presetsFor,
  rowsToTerms,
  termErrors,
  type Preset,
  type TermRow,
  type TermsTarget,
} from '../utils/terms'

const KINDS: readonly PaymentTermKind[] = ['PART', 'REST', 'INSTALMENTS']

export type TermsSubmission = { terms: PaymentTermInput[]; total: string | null; reason: string }

/**
 * The terms of a payment plan as rows (PART, REST, INSTALMENTS), filled from a preset or by hand;
 * the server's errors are shown on the rows they name. Used to create and to renegotiate a plan.
 */
export function TermsForm({
  target,
  stages = [],
  title,
  submitLabel,
  askReason = false,
  busy = false,
  errors,
  onSubmit,
  onCancel,
}: {
  target: TermsTarget
  /** The contract's stages, for "on acceptance of stage N". */
  stages?: readonly { id: string; position: number; name: string }[]
  title: string
  submitLabel: string
  askReason?: boolean
  busy?: boolean
  errors: readonly UserErrorLike[]
  onSubmit: (submission: TermsSubmission) => void
  onCancel: () => void
}) {
  const { t } = useTranslation('billing')
  const [rows, setRows] = useState<TermRow[]>(() => [emptyRow(target)])
  const [from, setFrom] = useState(todayIso())
  const [instalments, setInstalments] = useState('12')
  const [total, setTotal] = useState('')
  const [reason, setReason] = useState('')
  const mapped = termErrors(errors, rows.length)
  const events: readonly PaymentTriggerEvent[] =
    target.kind === 'contract'
      ? ['CONTRACT_SIGNED', 'STAGE_ACCEPTED', 'SHIPMENT_SENT', 'CONTRACT_COMPLETED']
      : ['SHIPMENT_SENT']

  const update = (index: number, patch: Partial<TermRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)))
  const applyPreset = (preset: Preset) =>
    setRows(
      presetRows(preset, target, { from, instalments: Math.max(2, Number(instalments) || 12) }),
    )

  return (
    <section className="card" role="dialog" aria-labelledby="terms-form-title">
      <h2 id="terms-form-title">{title}</h2>
      <FormErrors errors={mapped.general} title={t('terms.problems')} />
      <fieldset className="terms-presets">
        <legend>{t('terms.presets')}</legend>
        <div className="form-grid">
          <DateField label={t('terms.presetFrom')} value={from} onChange={setFrom} />
          <TextField
            label={t('terms.presetInstalments')}
            value={instalments}
            onChange={setInstalments}
          />
        </div>
        <div className="form-actions">
          {presetsFor(target).map((preset) => (
            <button
              key={preset}
              type="button"
              className="button"
              onClick={() => applyPreset(preset)}
            >
              {t(`terms.preset.${preset}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit({
            terms: rowsToTerms(rows),
            total: total.trim() ? normalizeDecimal(total) : null,
            reason: reason.trim(),
          })
        }}
      >
        <TextField
          label={t('terms.total')}
          hint={t('terms.totalHint')}
          value={total}
          onChange={setTotal}
          errors={mapped.total}
        />
        <ol className="terms-rows">
          {rows.map((row, index) => {
            const rowErrors = mapped.byRow[index] ?? {}
            const n = index + 1
            return (
              <li key={row.key} className="terms-row" aria-label={t('terms.row', { number: n })}>
                <FieldErrors id={`${row.key}-errors`} errors={rowErrors.row} />
                <div className="form-grid">
                  <SelectField
                    label={t('terms.kind', { number: n })}
                    value={row.kind}
                    onChange={(kind) => kind && update(index, { kind })}
                    options={KINDS.map((kind) => ({ value: kind, label: t(`termKind.${kind}`) }))}
                  />
                  <TextField
                    label={t('terms.label', { number: n })}
                    value={row.label}
                    onChange={(label) => update(index, { label })}
                    errors={rowErrors.label}
                    maxLength={100}
                  />
                  {row.kind === 'PART' ? (
                    <>
                      <SelectField
                        label={t('terms.share', { number: n })}
                        value={row.share}
                        onChange={(share) => share && update(index, { share })}
                        options={[
                          { value: 'percent', label: t('terms.percent') },
                          { value: 'amount', label: t('terms.amount') },
                        ]}
                      />
                      <TextField
                        label={t(row.share === 'percent' ? 'terms.percentOf' : 'terms.amountOf', {
                          number: n,
                        })}
                        value={row.value}
                        onChange={(value) => update(index, { value })}
                        errors={row.share === 'percent' ? rowErrors.percent : rowErrors.amount}
                      />
                    </>
                  ) : null}
                  {row.kind === 'INSTALMENTS' ? (
                    <>
                      <TextField
                        label={t('terms.instalments', { number: n })}
                        value={row.instalments}
                        onChange={(value) => update(index, { instalments: value })}
                        errors={rowErrors.instalments}
                      />
                      <TextField
                        label={t('terms.intervalMonths', { number: n })}
                        value={row.intervalMonths}
                        onChange={(value) => update(index, { intervalMonths: value })}
                        errors={rowErrors.intervalMonths}
                      />
                    </>
                  ) : (
                    <SelectField
                      label={t('terms.when', { number: n })}
                      value={row.when}
                      onChange={(when) => when && update(index, { when })}
                      options={[
                        { value: 'date', label: t('terms.onDate') },
                        { value: 'event', label: t('terms.onEvent') },
                      ]}
                    />
                  )}
                  {row.kind === 'INSTALMENTS' || row.when === 'date' ? (
                    <DateField
                      label={t('terms.dueOn', { number: n })}
                      value={row.dueOn}
                      onChange={(dueOn) => update(index, { dueOn })}
                      errors={rowErrors.dueOn}
                    />
                  ) : (
                    <>
                      <SelectField
                        label={t('terms.event', { number: n })}
                        value={row.event}
                        onChange={(event) => event && update(index, { event })}
                        options={events.map((event) => ({
                          value: event,
                          label: t(`eventName.${event}`),
                        }))}
                        errors={rowErrors.trigger}
                      />
                      {row.event === 'STAGE_ACCEPTED' ? (
                        <SelectField
                          label={t('terms.stage', { number: n })}
                          value={row.stageId}
                          onChange={(stageId) => update(index, { stageId })}
                          emptyLabel={t('terms.chooseStage')}
                          options={stages.map((stage) => ({
                            value: stage.id,
                            label: `${stage.position}. ${stage.name}`,
                          }))}
                        />
                      ) : null}
                      <TextField
                        label={t('terms.offsetDays', { number: n })}
                        value={row.offsetDays}
                        onChange={(offsetDays) => update(index, { offsetDays })}
                      />
                    </>
                  )}
                </div>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={rows.length === 1}
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                >
                  {t('terms.removeRow', { number: n })}
                </button>
              </li>
            )
          })}
        </ol>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => setRows((current) => [...current, emptyRow(target)])}
          >
            {t('terms.addRow')}
          </button>
        </p>
        {askReason ? (
          <FormField label={t('terms.reason')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </FormField>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
