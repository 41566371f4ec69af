import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

test.use({ viewport: { width: 1280, height: 900 } })

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep starts a deal from the customer page and quotes its product of interest from the catalogue', async ({
  browser,
  page,
}) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Hubco', stamp)
  const dealName = `E2E Hub deal ${stamp}`
  const productName = uniqueWord('Hubprog', stamp)

  // an admin, in a browser of their own, puts a program at €100.00 into the catalogue
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin')
  await openFromNavigation(admin, 'Products')
  await admin.getByRole('button', { name: 'New product' }).click()
  const productForm = admin.getByRole('form', { name: 'New product' })
  await productForm.getByLabel(/^Code/).fill(`E2E-${stamp.toString(36).toUpperCase()}`)
  await productForm.getByLabel(/^Name/).fill(productName)
  await productForm.getByLabel('License model').selectOption('PERPETUAL')
  await productForm.getByLabel('Currency').selectOption('EUR')
  await productForm.getByLabel(/^Unit price/).fill('100.00')
  await productForm.getByRole('button', { name: 'Create product' }).click()
  await expect(
    admin.getByRole('heading', { level: 1, name: new RegExp(productName) }),
  ).toBeVisible()
  await adminContext.close()

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
  await interests.getByLabel(/^Product/).fill(productName)
  await interests.getByLabel(/^Quantity/).fill('3')
  await interests.getByRole('button', { name: 'Save products' }).click()
  await expect(interests.getByRole('cell', { name: productName })).toBeVisible()

  // a quote carrying it over, priced from the catalogue
  const quotes = page.getByRole('region', { name: 'Quotes' })
  await quotes.getByRole('button', { name: 'New quote' }).click()
  const form = quotes.getByRole('form', { name: 'New quote' })
  await form.getByRole('button', { name: 'Take over the products of interest (1)' }).click()
  const line = form.getByRole('group', { name: 'Line 1' })
  await expect(line.getByLabel(/^Quantity/)).toHaveValue('3')
  await line.getByRole('button', { name: `Use ${productName} on line 1` }).click()
  await expect(line.getByLabel(/^List price/)).toHaveValue('100.00')
  await form.getByRole('button', { name: 'Create quote' }).click()
  await expect(quotes.getByText(/^Quote QUO-\d{4}-\d{5}-v1 created\.$/)).toBeVisible()
  await expect(quotes.getByRole('row', { name: /QUO-\d{4}-\d{5}-v1/ })).toContainText('€300.00')

  // back on the customer page: the deal and its quote
  await page.goto(customerUrl)
  await expect(deals.getByRole('link', { name: dealName })).toBeVisible()
  const customerQuotes = page.getByRole('region', { name: /^Quotes/ })
  const quoteRow = customerQuotes.getByRole('row', { name: /QUO-\d{4}-\d{5}-v1/ })
  await expect(quoteRow).toContainText(dealName)
  await expect(quoteRow).toContainText('€300.00')
})
