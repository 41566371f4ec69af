import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { OpportunityLineFieldsFragment } from '../../../gql/graphql'
import { hasCode, mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { SetOpportunityLinesMutation } from '../api/quotes'
import { CURRENCIES, formatMoney } from '../utils/money'
import { toOpportunityLineInputs, type DealLineValues } from '../utils/deal-lines'

const OpportunityLineFields = graphql(`
  fragment OpportunityLineFields on OpportunityLine {
    position
    product
    quantity
    unitPrice {
      amount
      currency
    }
    bought
  }
`)

type Props = {
  deal: {
    id: string
    version: number
    lines: readonly FragmentType<typeof OpportunityLineFields>[]
  }
  defaultCurrency: string
  canEdit: boolean
  onReload: () => void
}

/** The deal's products of interest, with an editor that replaces them all (setOpportunityLines). */
export function DealLines({ deal: dealRef, defaultCurrency, canEdit, onReload }: Props) {
  const deal = { ...dealRef, lines: useFragment(OpportunityLineFields, dealRef.lines) }
  const { t, i18n } = useTranslation('sales')
  const [editing, setEditing] = useState(false)
  return (
    <section className="card" aria-labelledby="deal-lines">
      <div className="card-header">
        <h2 id="deal-lines">{t('lines.title')}</h2>
        {canEdit && !editing ? (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('lines.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <DealLinesForm
          deal={deal}
          defaultCurrency={defaultCurrency}
          onCancel={() => setEditing(false)}
          onReload={onReload}
        />
      ) : deal.lines.length === 0 ? (
        <p className="muted">{t('lines.none')}</p>
      ) : (
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('lines.product')}</th>
              <th scope="col" className="number">
                {t('lines.quantity')}
              </th>
              <th scope="col" className="number">
                {t('lines.unitPrice')}
              </th>
              <th scope="col">{t('lines.bought')}</th>
            </tr>
          </thead>
          <tbody>
            {deal.lines.map((line) => (
              <tr key={line.position}>
                <td>{line.product}</td>
                <td className="number">{line.quantity}</td>
                <td className="number">{formatMoney(line.unitPrice, i18n.language)}</td>
                <td>{line.bought ? t('lines.yes') : t('lines.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function DealLinesForm({
  deal,
  defaultCurrency,
  onCancel,
  onReload,
}: {
  deal: { id: string; version: number; lines: readonly OpportunityLineFieldsFragment[] }
  defaultCurrency: string
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation('sales')
  const [result, save] = useMutation(SetOpportunityLinesMutation)
  const [lines, setLines] = useState<DealLineValues[]>(() =>
    deal.lines.map((line) => ({
      product: line.product,
      quantity: String(line.quantity),
      unitPrice: line.unitPrice?.amount ?? '',
      currency: line.unitPrice?.currency ?? defaultCurrency,
      bought: line.bought,
    })),
  )
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const keys = ['lines']
  lines.forEach((_, index) => {
    for (const field of [
      'product',
      'quantity',
      'unitPrice',
      'unitPrice.amount',
      'unitPrice.currency',
    ]) {
      keys.push(`lines.${index}.${field}`)
    }
  })
  const mapped = mapUserErrors(errors, keys)
  const setLine = (index: number, patch: Partial<DealLineValues>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)))

  const submit = async () => {
    const local: UserErrorLike[] = []
    lines.forEach((line, index) => {
      if (!line.product.trim()) {
        local.push({
          field: ['input', 'lines', String(index), 'product'],
          code: 'REQUIRED',
          message: '',
        })
      }
    })
    setErrors(local)
    if (local.length > 0) return
    const response = await save({
      input: { id: deal.id, expectedVersion: deal.version, lines: toOpportunityLineInputs(lines) },
    })
    const payload = response.data?.setOpportunityLines
    if (!payload) return
    setErrors(payload.userErrors)
    // a successful save arrives with a new version: the page starts afresh without the form
  }

  return (
    <form
      aria-label={t('lines.editTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors
        errors={[...mapped.general, ...(mapped.byField.lines ?? [])]}
        title={t('lines.problems')}
      >
        {hasCode(errors, 'STALE_VERSION') ? (
          <>
            <p>{t('detail.staleVersion')}</p>
            <button type="button" className="button" onClick={onReload}>
              {t('detail.reload')}
            </button>
          </>
        ) : null}
      </FormErrors>
      {lines.map((line, index) => {
        const key = `lines.${index}`
        return (
          <fieldset key={index} className="quote-line">
            <legend>{t('lines.line', { number: index + 1 })}</legend>
            <TextField
              label={t('lines.product')}
              required
              value={line.product}
              onChange={(value) => setLine(index, { product: value })}
              errors={mapped.byField[`${key}.product`]}
            />
            <TextField
              label={t('lines.quantity')}
              required
              value={line.quantity}
              onChange={(value) => setLine(index, { quantity: value })}
              errors={mapped.byField[`${key}.quantity`]}
            />
            <TextField
              label={t('lines.unitPrice')}
              value={line.unitPrice}
              onChange={(value) => setLine(index, { unitPrice: value })}
              errors={[
                ...(mapped.byField[`${key}.unitPrice`] ?? []),
                ...(mapped.byField[`${key}.unitPrice.amount`] ?? []),
              ]}
            />
            <SelectField
              label={t('field.currency')}
              value={line.currency}
              onChange={(value) => setLine(index, { currency: value || defaultCurrency })}
              options={[...new Set([...CURRENCIES, line.currency])].map((c) => ({
                value: c,
                label: c,
              }))}
              errors={mapped.byField[`${key}.unitPrice.currency`]}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={line.bought}
                onChange={(event) => setLine(index, { bought: event.target.checked })}
              />
              {t('lines.bought')}
            </label>
            <button
              type="button"
              className="button"
              onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
            >
              {t('lines.removeLine', { number: index + 1 })}
            </button>
          </fieldset>
        )
      })}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setLines((current) => [
              ...current,
              {
                product: '',
                quantity: '1',
                unitPrice: '',
                currency: defaultCurrency,
                bought: true,
              },
            ])
          }
        >
          {t('lines.addLine')}
        </button>
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('lines.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel', { ns: 'translation' })}
        </button>
      </div>
    </form>
  )
}
