import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLocalTime, parseLocalTime, timeSteps } from '../lib/local-time'
import { DateField } from './date-field'
import { FormField, type FormFieldProps } from './form-field'

type DateTimeFieldProps = Omit<FormFieldProps, 'children' | 'inputError'> & {
  /**
   * `YYYY-MM-DDTHH:mm`, wall-clock time in the browser's time zone (a datetime-local value), or
   * '' for none. Half entered, it is `YYYY-MM-DDT` or `THH:mm`, which no parser takes for a time.
   */
  value: string
  onChange: (value: string) => void
}

/**
 * A date and a time of day written the way the app's language writes them, not the browser's
 * (`<input type="datetime-local">` follows the browser's locale): the {@link DateField} and a
 * time that offers the day in 15-minute steps and takes any typed time. The field's label and
 * errors belong to the date; the time is named after the field. A date without a valid time
 * (or the reverse) is passed on half entered, so the form's own check refuses it.
 */
export function DateTimeField({ value, onChange, label, ...field }: DateTimeFieldProps) {
  const { t } = useTranslation()
  const [date = '', time = ''] = value.split('T')
  const join = (nextDate: string, nextTime: string) =>
    nextDate || nextTime ? `${nextDate}T${nextTime}` : ''
  return (
    <div className="date-time-field">
      <DateField
        {...field}
        label={label}
        value={date}
        onChange={(next) => onChange(join(next, time))}
      />
      <TimeField
        label={t('timeField.label')}
        accessibleName={t('timeField.of', { field: label })}
        value={time}
        required={field.required}
        onChange={(next) => onChange(join(date, next))}
      />
    </div>
  )
}

type TimeFieldProps = Omit<FormFieldProps, 'children' | 'inputError'> & {
  /** `HH:mm`, or '' for none. */
  value: string
  /**
   * Called with `HH:mm`, or '' for blank text and for text that is no time: a wrong time never
   * leaves an earlier one standing.
   */
  onChange: (value: string) => void
  /** The name for screen readers when the visible label alone is ambiguous. */
  accessibleName?: string
}

/** A time of day in the app's language: a combobox of 15-minute steps that also takes typing. */
export function TimeField({ value, onChange, accessibleName, ...field }: TimeFieldProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const listId = useId()
  const steps = useMemo(() => timeSteps(locale), [locale])
  const [text, setText] = useState(() => formatLocalTime(value, locale))
  const [shown, setShown] = useState({ value, locale })
  const [left, setLeft] = useState(false)
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale })
    // a new time from outside, or another language; keep what the user is typing if it means this time
    if (shown.locale !== locale || (parseLocalTime(text, locale) ?? '') !== value) {
      setText(formatLocalTime(value, locale))
      setLeft(false)
    }
  }
  const parsed = parseLocalTime(text, locale)
  const problem =
    parsed === null ? t('timeField.invalid', { example: formatLocalTime('14:30', locale) }) : null

  return (
    <FormField {...field} className="time-field" inputError={left ? problem : null}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            role="combobox"
            aria-label={accessibleName}
            aria-autocomplete="list"
            list={listId}
            value={text}
            inputMode="text"
            autoComplete="off"
            placeholder={formatLocalTime('09:00', locale)}
            onChange={(event) => {
              const next = event.target.value
              setText(next)
              const time = parseLocalTime(next, locale) ?? ''
              if (time !== value) onChange(time)
            }}
            onBlur={() => {
              setLeft(true)
              if (parsed) setText(formatLocalTime(parsed, locale))
            }}
          />
          <datalist id={listId}>
            {steps.map((step) => (
              <option key={step.value} value={step.label} />
            ))}
          </datalist>
        </>
      )}
    </FormField>
  )
}
