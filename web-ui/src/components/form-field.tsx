import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserErrorLike } from '../lib/user-errors'
import { FieldErrors } from './user-error-list'

export type ControlProps = {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
  'aria-required': boolean | undefined
}

export type FormFieldProps = {
  label: string
  errors?: readonly UserErrorLike[]
  /** A problem the browser found before anything was sent, e.g. a date that does not exist. */
  inputError?: string | null
  hint?: string
  required?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** A label, the control, a hint and the field's errors, wired together for screen readers. */
export function FormField({
  label,
  errors,
  inputError,
  hint,
  required,
  className,
  children,
}: FormFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-errors`
  const inputErrorId = `${id}-input-error`
  const hasErrors = Boolean(errors && errors.length > 0)
  const invalid = hasErrors || Boolean(inputError)
  const describedBy = [
    hint ? hintId : null,
    inputError ? inputErrorId : null,
    hasErrors ? errorId : null,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={['field', invalid ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required-mark" title={t('common.required')}>
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({
        id,
        'aria-invalid': invalid,
        'aria-describedby': describedBy || undefined,
        'aria-required': required || undefined,
      })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {inputError ? (
        <ul id={inputErrorId} className="field-errors">
          <li>{inputError}</li>
        </ul>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

type TextFieldProps = Omit<FormFieldProps, 'children'> & {
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'email' | 'tel' | 'url' | 'search'
  multiline?: boolean
  autoComplete?: string
  placeholder?: string
  maxLength?: number
}

export function TextField({
  value,
  onChange,
  type = 'text',
  multiline,
  autoComplete,
  placeholder,
  maxLength,
  ...field
}: TextFieldProps) {
  return (
    <FormField {...field}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={value}
            rows={3}
            placeholder={placeholder}
            maxLength={maxLength}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            type={type}
            value={value}
            autoComplete={autoComplete ?? 'off'}
            placeholder={placeholder}
            maxLength={maxLength}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormField>
  )
}

type SelectFieldProps<V extends string> = Omit<FormFieldProps, 'children'> & {
  value: V | ''
  onChange: (value: V | '') => void
  options: readonly { value: V; label: string }[]
  /** Label of the empty choice; omit to make a value mandatory. */
  emptyLabel?: string
}

export function SelectField<V extends string>({
  value,
  onChange,
  options,
  emptyLabel,
  ...field
}: SelectFieldProps<V>) {
  return (
    <FormField {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as V)}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )
}

type CheckboxGroupProps<V extends string> = {
  legend: string
  value: readonly V[]
  onChange: (value: V[]) => void
  options: readonly { value: V; label: string }[]
  errors?: readonly UserErrorLike[]
  className?: string
}

export function CheckboxGroup<V extends string>({
  legend,
  value,
  onChange,
  options,
  errors,
  className,
}: CheckboxGroupProps<V>) {
  const id = useId()
  const invalid = Boolean(errors && errors.length > 0)
  const toggle = (option: V, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((item) => item !== option)
    // keep the options' order, whatever the order of the clicks
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)))
  }
  return (
    <fieldset
      className={['checkbox-group', invalid ? 'field-invalid' : '', className ?? '']
        .join(' ')
        .trim()}
      aria-describedby={invalid ? `${id}-errors` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </fieldset>
  )
}
