import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateLayout, formatLocalDate, parseLocalDate } from '../lib/local-date'
import { FormField, type FormFieldProps } from './form-field'

type DateFieldProps = Omit<FormFieldProps, 'children' | 'inputError'> & {
  /** ISO `YYYY-MM-DD`, or '' for no date. */
  value: string
  /**
   * Called with an ISO date or '' only; text that is no date (yet) is not passed on. A date
   * outside min..max is passed on and marked, as `<input type="date">` does, so the server's
   * check still answers for it.
   */
  onChange: (value: string) => void
  /** Earliest and latest ISO dates allowed. */
  min?: string
  max?: string
}

/**
 * A date written the way the app's language writes it (12/31/2026, 31.12.2026, 2026/12/31),
 * not the browser's: `<input type="date">` follows the browser's locale whatever the app's
 * language. ISO `2026-12-31` is accepted too.
 */
export function DateField({ value, onChange, min, max, ...field }: DateFieldProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [text, setText] = useState(() => formatLocalDate(value, locale))
  const [shown, setShown] = useState({ value, locale })
  const [left, setLeft] = useState(false)
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale })
    // a new date from outside, or another language; keep what the user is typing if it means this date
    if (shown.locale !== locale || parseLocalDate(text, locale) !== value) {
      setText(formatLocalDate(value, locale))
      setLeft(false)
    }
  }

  const layout = dateLayout(locale)
  const pattern = layout.order.map((part) => t(`dateField.${part}`)).join(layout.separator)
  const problemOf = (date: string | null): string | null => {
    if (date === null) return t('dateField.invalid', { format: pattern })
    if (date && min && date < min)
      return t('dateField.tooEarly', { date: formatLocalDate(min, locale) })
    if (date && max && date > max)
      return t('dateField.tooLate', { date: formatLocalDate(max, locale) })
    return null
  }
  const parsed = parseLocalDate(text, locale)
  const problem = problemOf(parsed)

  return (
    <FormField {...field} inputError={left ? problem : null}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={text}
          placeholder={pattern}
          autoComplete="off"
          onChange={(event) => {
            const next = event.target.value
            setText(next)
            const date = parseLocalDate(next, locale)
            if (date !== null && date !== value) onChange(date)
          }}
          onBlur={() => {
            setLeft(true)
            // show a valid date the language's way; a refused blank gets the kept date back
            if (parsed) setText(formatLocalDate(parsed, locale))
            else if (parsed === '' && value !== '') setText(formatLocalDate(value, locale))
          }}
        />
      )}
    </FormField>
  )
}
