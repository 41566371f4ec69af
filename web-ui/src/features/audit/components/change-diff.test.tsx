import { render, screen, within } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../lib/i18n'
import { formatValue } from '../utils/format-value'
import { ChangeDiff } from './change-diff'

const renderInEnglish = (ui: ReactElement) =>
  render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>)

describe('ChangeDiff', () => {
  it('shows each changed field with its value before and after', () => {
    renderInEnglish(
      <ChangeDiff
        changes={[
          { field: 'status', before: 'PROSPECT', after: 'CANDIDATE', redacted: false },
          { field: 'version', before: 1, after: 2, redacted: false },
          { field: 'region', before: 'Bavaria', after: null, redacted: false },
          { field: 'tags', after: ['cad', 'key'], redacted: false },
        ]}
      />,
    )
    const cells = (field: string) =>
      within(screen.getByText(field).closest('tr') as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    expect(cells('status')).toEqual(['PROSPECT', 'CANDIDATE'])
    expect(cells('version')).toEqual(['1', '2'])
    // a value that became null, and one that was null before
    expect(cells('region')).toEqual(['Bavaria', '—'])
    expect(cells('tags')).toEqual(['—', '["cad","key"]'])
  })

  it('says a secret changed without showing a value', () => {
    renderInEnglish(<ChangeDiff changes={[{ field: 'secret', redacted: true }]} />)
    const row = screen.getByText('secret').closest('tr') as HTMLElement
    expect(row).toHaveAttribute('data-redacted', 'true')
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Changed (value not recorded)'])
  })

  it('says so when nothing changed', () => {
    renderInEnglish(<ChangeDiff changes={[]} />)
    expect(screen.getByText('No fields changed.')).toBeInTheDocument()
  })

  it('writes strings as they are and other JSON compactly', () => {
    expect(formatValue('a "quoted" text')).toBe('a "quoted" text')
    expect(formatValue({ amount: '12.50', currency: 'EUR' })).toBe(
      '{"amount":"12.50","currency":"EUR"}',
    )
    expect(formatValue(false)).toBe('false')
    expect(formatValue(undefined)).toBe('—')
  })
})
