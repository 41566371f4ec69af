import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import { createI18n, type Language } from '../lib/i18n'
import { DateTimeField } from './date-time-field'

function Harness({ initial, onChange }: { initial: string; onChange: (value: string) => void }) {
  const [value, setValue] = useState(initial)
  return (
    <DateTimeField
      label="Due"
      value={value}
      onChange={(next) => {
        onChange(next)
        setValue(next)
      }}
    />
  )
}

function renderField(language: Language, initial = '') {
  const i18n = createI18n(language)
  const onChange = vi.fn()
  render(
    <I18nextProvider i18n={i18n}>
      <Harness initial={initial} onChange={onChange} />
    </I18nextProvider>,
  )
  return { i18n, onChange, date: screen.getByLabelText('Due') }
}

/** Intl writes a narrow no-break space before AM/PM. */
const valueOf = (input: HTMLElement) => (input as HTMLInputElement).value.replace(/\s/g, ' ')

describe('DateTimeField', () => {
  it.each([
    ['en', 'Time (Due)', '12/31/2026', '2:30 PM', '1/5/2027', '9:45 am', '9:45 AM'],
    ['ru', 'Время (Due)', '31.12.2026', '14:30', '5.1.2027', '9.45', '09:45'],
    ['zh-CN', '时间（Due）', '2026/12/31', '14:30', '2027/1/5', '上午9:45', '09:45'],
  ] as const)(
    'shows and reads date and time the way %s writes them',
    async (language, timeName, shownDate, shownTime, typedDate, typedTime, reshownTime) => {
      const { date, onChange } = renderField(language, '2026-12-31T14:30')
      const time = screen.getByRole('combobox', { name: timeName })
      expect(date).toHaveValue(shownDate)
      expect(valueOf(time)).toBe(shownTime)
      expect(time).toHaveAttribute('type', 'text')

      await userEvent.clear(date)
      await userEvent.type(date, typedDate)
      await userEvent.clear(time)
      await userEvent.type(time, typedTime)
      await userEvent.tab()

      expect(onChange).toHaveBeenLastCalledWith('2027-01-05T09:45')
      expect(valueOf(time)).toBe(reshownTime)
    },
  )

  it('offers the day in 15-minute steps in the app language', () => {
    renderField('en')
    const time = screen.getByRole('combobox', { name: 'Time (Due)' })
    const options = [
      ...document.querySelectorAll(`#${CSS.escape(time.getAttribute('list')!)} option`),
    ]
    expect(options).toHaveLength(96)
    expect(
      options.slice(0, 2).map((option) => option.getAttribute('value')?.replace(/\s/g, ' ')),
    ).toEqual(['12:00 AM', '12:15 AM'])
  })

  it('passes on a half-entered value, which no parser takes for a time, and marks a wrong time', async () => {
    const { date, onChange } = renderField('en')
    await userEvent.type(date, '12/31/2026')
    expect(onChange).toHaveBeenLastCalledWith('2026-12-31T')

    const time = screen.getByRole('combobox', { name: 'Time (Due)' })
    await userEvent.type(time, '25:00')
    await userEvent.tab()
    expect(time).toHaveAttribute('aria-invalid', 'true')
    expect(time).toHaveAccessibleDescription(/Enter a time such as 2:30\sPM\./)
    expect(valueOf(time)).toBe('25:00')
    // "2" was 02:00 on the way; the wrong time does not leave it standing
    expect(onChange).toHaveBeenLastCalledWith('2026-12-31T')
  })

  it('writes the time again when the language changes', async () => {
    const { i18n } = renderField('en', '2026-12-31T14:30')
    await act(() => i18n.changeLanguage('ru'))
    expect(screen.getByLabelText('Due')).toHaveValue('31.12.2026')
    expect(valueOf(screen.getByRole('combobox', { name: 'Время (Due)' }))).toBe('14:30')
  })
})
