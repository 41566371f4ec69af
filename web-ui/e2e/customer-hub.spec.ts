import { expect, test } from '@playwright/test'
import { signIn } from './support/auth'

test.use({ viewport: { width: 1280, height: 900 } })

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep starts a deal from the customer page and quotes its product of interest from the catalogue', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Hubco', stamp)
  const dealName = `E2E Hub deal ${stamp}`

  await signIn(page, 'rep')

  await page.goto('/customers/new')
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()
  const customerUrl = page.url()

  // the hub: empty cards say so, and offer the actions with the customer chosen
  const deals = page.getByRole('region', { name: /^Deals/ })
  await expect(deals.getByText('No deals yet: start one with “New deal”.')).toBeVisible()
  const orders = page.getByRole('region', { name: /^Orders/ })
  await expect(orders.getByRole('link', { name: 'New order' })).toHaveAttribute(
    'href',
    /\/orders\/new\?customerId=/,
  )
  await deals.getByRole('link', { name: 'New deal' }).click()

  // the deal form starts with the customer fixed
  await expect(page).toHaveURL(/\/deals\/new\?customer=/)
  await expect(page.getByLabel('Customer')).toHaveValue(customerName)
  await page.getByLabel(/^Deal name/).fill(dealName)
  await page.getByRole('button', { name: 'Create deal' }).click()
  await expect(page.getByRole('heading', { level: 1, name: dealName })).toBeVisible()

  // a product of interest
  const interests = page.getByRole('region', { name: 'Products of interest' })
  await interests.getByRole('button', { name: 'Edit products' }).click()
  await interests.getByRole('button', { name: 'Add product' }).click()
  await interests.getByLabel(/^Product/).fill('DealerCAD')
  await interests.getByLabel(/^Quantity/).fill('3')
  await interests.getByRole('button', { name: 'Save products' }).click()
  await expect(interests.getByRole('cell', { name: 'DealerCAD' })).toBeVisible()

  // a quote carrying it over, priced from the catalogue (DealerCAD Professional: €1,950.00)
  const quotes = page.getByRole('region', { name: 'Quotes' })
  await quotes.getByRole('button', { name: 'New quote' }).click()
  const form = quotes.getByRole('form', { name: 'New quote' })
  await form.getByRole('button', { name: 'Take over the products of interest (1)' }).click()
  const line = form.getByRole('group', { name: 'Line 1' })
  await expect(line.getByLabel(/^Quantity/)).toHaveValue('3')
  await line.getByRole('button', { name: 'Use DealerCAD on line 1' }).click()
  await expect(line.getByLabel(/^List price/)).toHaveValue('1200.00')
  await line.getByLabel('Edition').selectOption({ label: 'Professional' })
  await expect(line.getByLabel(/^List price/)).toHaveValue('1950.00')
  await form.getByRole('button', { name: 'Create quote' }).click()
  await expect(quotes.getByText('Quote 1 created.')).toBeVisible()
  await expect(quotes.getByRole('row', { name: /No\. 1/ })).toContainText('€5,850.00')

  // back on the customer page: the deal and its quote
  await page.goto(customerUrl)
  await expect(deals.getByRole('link', { name: dealName })).toBeVisible()
  const customerQuotes = page.getByRole('region', { name: /^Quotes/ })
  const quoteRow = customerQuotes.getByRole('row', { name: /No\. 1/ })
  await expect(quoteRow).toContainText(dealName)
  await expect(quoteRow).toContainText('€5,850.00')
})
