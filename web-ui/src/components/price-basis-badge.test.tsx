import { render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n, type Language } from '../lib/i18n'
import { PriceBasisBadge } from './price-basis-badge'

const inLanguage = (language: Language, ui: React.ReactElement) =>
  render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>)

describe('PriceBasisBadge', () => {
  it('names the partner tier whose price or discount a line got', () => {
    inLanguage('en', <PriceBasisBadge basis="TIER_PRICE" tier={{ name: 'Gold' }} />)
    expect(screen.getByText('Gold tier price')).toBeVisible()
  })

  it('says so in the chosen language', () => {
    inLanguage('ru', <PriceBasisBadge basis="TIER_DISCOUNT" tier={{ name: 'Silver' }} />)
    expect(screen.getByText('Скидка уровня Silver')).toBeVisible()
  })

  it('shows nothing for list prices and prices typed in', () => {
    const { container } = inLanguage('en', <PriceBasisBadge basis="LIST" tier={null} />)
    expect(container).toBeEmptyDOMElement()
    const typed = inLanguage('en', <PriceBasisBadge basis="ENTERED" />)
    expect(typed.container).toBeEmptyDOMElement()
  })
})
