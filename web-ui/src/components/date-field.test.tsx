import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import { createI18n, type Language } from '../lib/i18n'
import { DateField } from './date-field'

function Harness({
  initial,
  onChange,
  min,
}: {
  initial: string
  onChange: (value: string) => void
  min?: string
}) {
  const [value, setValue] = useState(initial)
  return (
    <>
      <DateField
        label="Ends on"
        value={value}
        min={min}
        onChange={(next) => {
          onChange(next)
          setValue(next)
        }}
      />
      <output data-testid="value">{value}</output>
    </>
  )
}

function renderField(language: Language, initial = '', min?: string) {
  const i18n = createI18n(language)
  const onChange = vi.fn()
  render(
    <I18nextProvider i18n={i18n}>
      <Harness initial={initial} onChange={onChange} min={min} />
    </I18nextProvider>,
  )
  return { i18n, onChange, input: screen.getByLabelText('Ends on') }
}

describe('DateField', () => {
  it.each([
    ['en', '12/31/2026', 'MM/DD/YYYY', '3/1/2026'],
    ['ru', '31.12.2026', 'ДД.ММ.ГГГГ', '1.3.2026'],
    ['zh-CN', '2026/12/31', 'YYYY/MM/DD', '2026/3/1'],
  ] as const)(
    'shows and reads dates the way %s writes them',
    async (language, shown, placeholder, typed) => {
      const { input, onChange } = renderField(language, '2026-12-31')
      expect(input).toHaveValue(shown)
      expect(input).toHaveAttribute('placeholder', placeholder)
      expect(input).toHaveAttribute('type', 'text')

      await userEvent.clear(input)
      await userEvent.type(input, typed)
      await userEvent.tab()
      expect(onChange).toHaveBeenLastCalledWith('2026-03-01')
      expect(screen.getByTestId('value')).toHaveTextContent('2026-03-01')
      // once left, the date is written out in full, as the language does
      expect(input).toHaveValue(shown.replace('12', '03').replace('31', '01'))
      expect(input).toHaveAttribute('aria-invalid', 'false')
    },
  )

  it('accepts an ISO date typed in any language, as a paste or a test does', async () => {
    const { input, onChange } = renderField('ru')
    await userEvent.type(input, '2026-11-30')
    expect(onChange).toHaveBeenLastCalledWith('2026-11-30')
    await userEvent.tab()
    expect(input).toHaveValue('30.11.2026')
  })

  it('says what is wrong with a date that does not exist and passes nothing on', async () => {
    const { input, onChange } = renderField('en', '2026-02-01')
    // typed over the whole text at once, as a paste does
    fireEvent.change(input, { target: { value: '02/30/2026' } })
    fireEvent.blur(input)
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByTestId('value')).toHaveTextContent('2026-02-01')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Enter a real date as MM/DD/YYYY.')

    fireEvent.change(input, { target: { value: 'soon' } })
    expect(onChange).not.toHaveBeenCalled()
    expect(input).toHaveAccessibleDescription('Enter a real date as MM/DD/YYYY.')
  })

  it('marks a date before the earliest allowed one and passes it on for the server to judge', async () => {
    const { input, onChange } = renderField('ru', '', '2026-12-01')
    await userEvent.type(input, '30.11.2026')
    await userEvent.tab()
    expect(onChange).toHaveBeenLastCalledWith('2026-11-30')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Введите 01.12.2026 или более позднюю дату.')
  })

  it('passes a cleared field on as no date', async () => {
    const { input, onChange } = renderField('zh-CN', '2026-12-31')
    await userEvent.clear(input)
    expect(onChange).toHaveBeenLastCalledWith('')
    await userEvent.tab()
    expect(input).toHaveValue('')
    expect(input).toHaveAttribute('aria-invalid', 'false')
  })

  it('rewrites the date when the language changes and keeps its value', async () => {
    const { input, i18n, onChange } = renderField('en', '2026-12-31')
    await act(() => i18n.changeLanguage('ru'))
    expect(input).toHaveValue('31.12.2026')
    await act(() => i18n.changeLanguage('zh-CN'))
    expect(input).toHaveValue('2026/12/31')
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByTestId('value')).toHaveTextContent('2026-12-31')
  })

  it('picks a date from a calendar in the app language, and closes it on Escape', async () => {
    const { input, onChange } = renderField('ru', '2026-12-31', '2026-12-10')
    const toggle = screen.getByRole('button', { name: 'Открыть календарь' })
    await userEvent.click(toggle)
    const calendar = screen.getByRole('dialog', { name: 'Ends on' })
    expect(within(calendar).getByRole('grid')).toHaveAccessibleName(/декабрь 2026/i)
    // days before min cannot be picked
    expect(within(calendar).getByRole('button', { name: /(^|\s)9 декабря 2026/ })).toBeDisabled()

    await userEvent.click(within(calendar).getByRole('button', { name: /15 декабря 2026/ }))
    expect(onChange).toHaveBeenLastCalledWith('2026-12-15')
    expect(input).toHaveValue('15.12.2026')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(input).toHaveFocus()

    await userEvent.click(toggle)
    expect(screen.getByRole('dialog')).toBeVisible()
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
  })
})
