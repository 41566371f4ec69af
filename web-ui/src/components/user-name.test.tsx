import { render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../lib/i18n'
import { UserName } from './user-name'

const inEnglish = (ui: React.ReactElement) =>
  render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>)

describe('UserName', () => {
  it('shows the vendor as an organisation', () => {
    inEnglish(<UserName user={{ name: 'DealerDesk sales', vendor: true }} />)
    const name = screen.getByText('DealerDesk sales')
    expect(name).toHaveClass('user-vendor')
    expect(name).toHaveAttribute('title', 'The vendor, as an organisation')
  })

  it('shows a person by name alone', () => {
    inEnglish(<UserName user={{ name: 'Rita Rep', vendor: false }} />)
    expect(screen.getByText('Rita Rep')).not.toHaveClass('user-vendor')
  })
})
