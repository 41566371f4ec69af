import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { DateField } from '../../../components/date-field'
import { FormField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { todayIso } from '../../../lib/money'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import { CreateShipmentMutation } from '../api/orders'
import {
  checkShipQuantities,
  initialShipQuantities,
  remainingOf,
  remapLineErrors,
  toShipmentInput,
} from '../utils/ship'

export type ShipDialogLine = {
  id: string
  position: number
  description: string
  quantity: number
  shippedQuantity: number
}

/**
 * "Ship": a quantity per order line, starting at what is left; partial deliveries allowed,
 * more than is left refused here and by the API.
 */
export function ShipDialog({
  orderId,
  orderNumber,
  lines,
  onCancel,
  onShipped,
}: {
  orderId: string
  orderNumber: string
  lines: readonly ShipDialogLine[]
  onCancel: () => void
  onShipped: (shipment: { id: string; number: string }) => void
}) {
  const { t } = useTranslation('orders')
  const [result, ship] = useMutation(CreateShipmentMutation)
  const [quantities, setQuantities] = useState(() => initialShipQuantities(lines))
  const [shippedOn, setShippedOn] = useState(() => todayIso())
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const keys = ['lines', 'shippedOn', ...lines.map((_, i) => `lines.${i}.quantity`)]
  const mapped = mapUserErrors(errors, keys)

  const submit = async () => {
    const local = checkShipQuantities(lines, quantities)
    setErrors(local)
    if (local.length > 0) return
    const { input, sentIndexes } = toShipmentInput(orderId, lines, quantities, shippedOn)
    const payload = (await ship({ input })).data?.createShipment
    if (!payload) return
    setErrors(remapLineErrors(payload.userErrors, sentIndexes))
    if (payload.shipment && payload.userErrors.length === 0) onShipped(payload.shipment)
  }

  return (
    <section className="card ship-dialog" role="dialog" aria-labelledby="ship-title">
      <h2 id="ship-title">{t('ship.title', { number: orderNumber })}</h2>
      {result.error ? <QueryError error={result.error} /> : null}
      <FormErrors errors={mapped.general} title={t('ship.problems')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <FormErrors errors={mapped.byField.lines ?? []} />
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.position')}</th>
              <th scope="col">{t('field.description')}</th>
              <th scope="col" className="number">
                {t('field.quantity')}
              </th>
              <th scope="col" className="number">
                {t('field.shipped')}
              </th>
              <th scope="col" className="number">
                {t('ship.remaining')}
              </th>
              <th scope="col">{t('ship.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => {
              const remaining = remainingOf(line)
              const lineErrors = mapped.byField[`lines.${index}.quantity`]
              const typed = Number((quantities[line.id] ?? '').trim() || '0')
              return (
                <tr key={line.id}>
                  <td>{line.position}</td>
                  <td>{line.description}</td>
                  <td className="number">{line.quantity}</td>
                  <td className="number">{line.shippedQuantity}</td>
                  <td className="number">{remaining}</td>
                  <td>
                    <FormField
                      label={t('ship.quantityOf', { description: line.description })}
                      errors={lineErrors}
                      hint={typed > remaining ? t('ship.tooMany', { remaining }) : undefined}
                      className="ship-quantity"
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="number"
                          min={0}
                          max={remaining}
                          step={1}
                          inputMode="numeric"
                          disabled={remaining === 0}
                          value={quantities[line.id] ?? ''}
                          onChange={(event) =>
                            setQuantities((current) => ({
                              ...current,
                              [line.id]: event.target.value,
                            }))
                          }
                        />
                      )}
                    </FormField>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <DateField
          label={t('ship.shippedOn')}
          errors={mapped.byField.shippedOn}
          value={shippedOn}
          onChange={setShippedOn}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={result.fetching}>
            {t('ship.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel', { ns: 'translation' })}
          </button>
        </div>
      </form>
    </section>
  )
}
