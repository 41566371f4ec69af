import { useId } from 'react'
import { FormField } from '../../../components/form-field'
import { FieldErrors } from '../../../components/user-error-list'
import type { UserErrorLike } from '../../../lib/user-errors'

/**
 * A list of e-mails or phones: one labelled input per item, so that an error at
 * `emails.1` shows at the second input and one at `emails` under the whole list.
 */
export function StringListField({
  legend,
  type,
  values,
  onChange,
  itemLabel,
  addLabel,
  removeLabel,
  errors,
  errorKey,
}: {
  legend: string
  type: 'email' | 'tel'
  values: readonly string[]
  onChange: (values: string[]) => void
  itemLabel: (n: number) => string
  addLabel: string
  removeLabel: (n: number) => string
  errors: Record<string, readonly UserErrorLike[]>
  errorKey: string
}) {
  const id = useId()
  // Always offer one input, even for an empty list.
  const shown = values.length > 0 ? values : ['']
  const listErrors = errors[errorKey]
  const update = (index: number, value: string) =>
    onChange(shown.map((item, i) => (i === index ? value : item)))
  const remove = (index: number) => onChange(shown.filter((_, i) => i !== index))
  return (
    <fieldset
      className={['string-list', listErrors?.length ? 'field-invalid' : ''].join(' ').trim()}
      aria-describedby={listErrors?.length ? `${id}-errors` : undefined}
    >
      <legend>{legend}</legend>
      {shown.map((value, index) => (
        <div className="string-list-item" key={index}>
          <FormField label={itemLabel(index + 1)} errors={errors[`${errorKey}.${index}`]}>
            {(control) => (
              <input
                {...control}
                type={type}
                value={value}
                autoComplete="off"
                onChange={(event) => update(index, event.target.value)}
              />
            )}
          </FormField>
          {shown.length > 1 || value ? (
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={removeLabel(index + 1)}
              onClick={() => remove(index)}
            >
              ×
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => onChange([...shown, ''])}
      >
        + {addLabel}
      </button>
      <FieldErrors id={`${id}-errors`} errors={listErrors} />
    </fieldset>
  )
}
