import { useEffect, useRef, useState } from 'react'
import { DayPicker } from 'react-day-picker'
import { enUS, ru, zhCN } from 'react-day-picker/locale'
import 'react-day-picker/style.css'
import { useTranslation } from 'react-i18next'
import {
  dateLayout,
  dateOfIso,
  formatLocalDate,
  isoOfDate,
  parseLocalDate,
} from '../lib/local-date'
import { FormField, type FormFieldProps } from './form-field'
import './date-field.css'

// the calendar's month names, weekdays and labels, by the app's language
const PICKER_LOCALES: Record<string, typeof enUS> = { en: enUS, ru, 'zh-CN': zhCN }

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
 * language. ISO `2026-12-31` is accepted too. A button opens a calendar in the same language.
 */
export function DateField({ value, onChange, min, max, ...field }: DateFieldProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [text, setText] = useState(() => formatLocalDate(value, locale))
  const [shown, setShown] = useState({ value, locale })
  const [left, setLeft] = useState(false)
  const [open, setOpen] = useState(false)
  const controlRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!open) return
    const closeOutside = (event: MouseEvent) => {
      if (!controlRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', closeOutside)
    return () => document.removeEventListener('mousedown', closeOutside)
  }, [open])
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
  const selected = parsed ? dateOfIso(parsed) : undefined
  const closeCalendar = () => {
    setOpen(false)
    inputRef.current?.focus()
  }
  const pick = (day: Date | undefined) => {
    if (!day) return
    const iso = isoOfDate(day)
    setText(formatLocalDate(iso, locale))
    setLeft(true)
    if (iso !== value) onChange(iso)
    closeCalendar()
  }
  const minDate = min ? dateOfIso(min) : undefined
  const maxDate = max ? dateOfIso(max) : undefined

  return (
    <FormField {...field} inputError={left ? problem : null}>
      {(control) => (
        <div className="date-field-control" ref={controlRef}>
          <input
            {...control}
            ref={inputRef}
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
          {/* no field label in this name: getByLabel('Ends on') would find the button too */}
          <button
            type="button"
            className="button date-field-toggle"
            aria-label={t('dateField.openCalendar')}
            aria-haspopup="dialog"
            aria-expanded={open}
            onClick={() => setOpen((wasOpen) => !wasOpen)}
          >
            <svg
              aria-hidden="true"
              width="16"
              height="16"
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
              <path d="M1.75 6.25h12.5M5 1.25v3M11 1.25v3" />
            </svg>
          </button>
          {open ? (
            <div
              className="date-field-popover"
              role="dialog"
              aria-label={field.label}
              onBlur={(event) => {
                // tabbing out of the calendar closes it
                if (!controlRef.current?.contains(event.relatedTarget)) setOpen(false)
              }}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return
                // close only the calendar, not a dialog around the field
                event.preventDefault()
                event.stopPropagation()
                closeCalendar()
              }}
            >
              <DayPicker
                mode="single"
                locale={PICKER_LOCALES[locale] ?? enUS}
                selected={selected}
                defaultMonth={selected ?? minDate ?? maxDate}
                onSelect={pick}
                disabled={[
                  ...(minDate ? [{ before: minDate }] : []),
                  ...(maxDate ? [{ after: maxDate }] : []),
                ]}
                autoFocus
              />
            </div>
          ) : null}
        </div>
      )}
    </FormField>
  )
}
