import { expect, test, type Locator, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'

// Money with partners end to end: the channel manager (`channel`) opens a prepaid EUR account for
// Baltic Soft (the demo data gave Northwind one already) and records a bank transfer on it (the
// same reference again is refused at its field); Baltic Soft's user (`partner2`) sees the balance
// on its portal dashboard and the payment on its account page, with nothing to change there;
// Northwind's user (`partner`) finds its demo account with the prepayment and its order's charge.
// With E2E_SCREENSHOT_DIR set, the account section and the portal's account page are
// photographed in every language at 1280 and 1920 px.

test.use({ viewport: { width: 1600, height: 1100 } })

const screenshotDir = process.env.E2E_SCREENSHOT_DIR

async function screenshots(page: Page, name: string, of: Locator) {
  if (!screenshotDir) return
  for (const language of ['ru', 'zh-CN', 'en'] as const) {
    await page.locator('.language-picker select').selectOption(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 1100 })
      await of.screenshot({ path: `${screenshotDir}/${name}-${language}-${width}.png` })
    }
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.setViewportSize({ width: 1600, height: 1100 })
}

test('the channel opens a prepaid account and books a payment; the partner sees its balance and the entry', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const reference = `E2E-${Date.now()}`

  await signIn(page, 'channel')
  await openFromNavigation(page, 'Partners')
  await page.getByRole('link', { name: 'Baltic Soft SIA', exact: true }).first().click()
  const section = page.getByRole('region', { name: 'Account', exact: true })
  await expect(section.getByText('No account with the vendor yet.')).toBeVisible()

  await section.getByRole('button', { name: '+ Open account' }).click()
  const opening = section.getByRole('form', { name: 'Open an account' })
  await opening.getByLabel(/^Currency/).selectOption('EUR')
  await expect(opening.getByRole('checkbox', { name: /^Prepaid/ })).toBeChecked()
  // room for the orders other specs may place for the partner's customers afterwards
  await opening.getByLabel(/^Credit limit/).fill('1000000')
  await opening.getByRole('button', { name: 'Open account' }).click()
  const account = section.getByRole('article', { name: /Account in EUR/ })
  await expect(account).toContainText('Prepaid')
  await expect(account).toContainText('€1,000,000.00')

  await account.getByRole('button', { name: 'Record payment' }).click()
  const payment = account.getByRole('form', { name: 'Record a payment' })
  await payment.getByLabel(/^Amount/).fill('2500')
  await payment.getByLabel(/^Bank reference/).fill(reference)
  await payment.getByRole('button', { name: 'Record payment' }).click()
  await expect(section.getByText('Payment recorded.')).toBeVisible()
  await expect(account).toContainText('€2,500.00')
  await expect(account).toContainText('in the partner’s favour')
  const entries = section.getByRole('region', { name: 'All entries' })
  await expect(entries).toContainText(`Reference ${reference}`)
  await expect(section.getByRole('region', { name: 'Statement' })).toContainText(
    `Reference ${reference}`,
  )

  // the same transfer again is refused, at the reference, and books nothing
  await account.getByRole('button', { name: 'Record payment' }).click()
  await payment.getByLabel(/^Amount/).fill('2500')
  await payment.getByLabel(/^Bank reference/).fill(reference)
  await payment.getByRole('button', { name: 'Record payment' }).click()
  await expect(payment.getByLabel(/^Bank reference/)).toHaveAccessibleDescription(
    /conflicts with the current state/,
  )
  await payment.getByRole('button', { name: 'Cancel' }).click()
  await expect(account).toContainText('€2,500.00')
  await expect(entries.getByText(`Reference ${reference}`)).toHaveCount(1)
  // by its class: the region's name changes with the language
  await screenshots(page, 'partner-account-section', page.locator('section.partner-accounts'))
  await signOut(page)

  // Baltic Soft sees its balance on the dashboard and the payment on its account page
  await signIn(page, 'partner2')
  await expect(page).toHaveURL(/\/portal$/)
  const card = page.getByRole('region', { name: 'Account', exact: true })
  await expect(card).toContainText('Account in EUR')
  await expect(card).toContainText('€2,500.00')
  await card.getByRole('link', { name: 'Open the account' }).click()
  await expect(page).toHaveURL(/\/portal\/account$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible()
  const own = page.getByRole('region', { name: 'Balances' })
  await expect(own.getByRole('article', { name: /Account in EUR/ })).toContainText('€2,500.00')
  await expect(own.getByRole('region', { name: 'All entries' })).toContainText(
    `Reference ${reference}`,
  )
  // the partner only looks
  await expect(own.getByRole('button', { name: /Record payment|Adjust|Open account/ })).toHaveCount(
    0,
  )
  await signOut(page)

  // Northwind finds its prepaid account of the demo data, its prepayment and its order's charge,
  // through its navigation
  await signIn(page, 'partner')
  await expect(page.getByRole('region', { name: 'Account', exact: true })).toContainText(
    'Account in EUR',
  )
  await openFromNavigation(page, 'Account')
  await expect(page).toHaveURL(/\/portal\/account$/)
  const northwind = page.getByRole('region', { name: 'All entries' })
  await expect(northwind).toContainText(/Reference NW-PREPAY-\d{4}/)
  await expect(northwind.getByRole('link', { name: /^Order ORD-/ }).first()).toBeVisible()
  await screenshots(page, 'portal-account', page.locator('main'))
})
