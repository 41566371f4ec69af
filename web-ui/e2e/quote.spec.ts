import { expect, test } from '@playwright/test'
import { signIn } from './support/auth'

test.use({ viewport: { width: 2000, height: 1000 } })

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep quotes a deal, the customer accepts, and the deal is won', async ({ page }) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Quoteco', stamp)
  const dealName = `E2E Quote deal ${stamp}`

  await signIn(page, 'rep')

  await page.goto('/customers/new')
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()

  // a deal for that customer, from the board
  await page.goto('/pipeline')
  await page.getByRole('button', { name: /New deal/ }).click()
  await page.getByRole('searchbox', { name: 'Find customer' }).fill(customerName)
  const customerSelect = page.getByLabel(/^Customer/)
  await expect(customerSelect.locator('option', { hasText: customerName })).toHaveCount(1)
  await customerSelect.selectOption({ label: customerName })
  await page.getByLabel(/^Deal name/).fill(dealName)
  await page.getByLabel('Amount').fill('500')
  await page.getByLabel('Currency').selectOption('EUR')
  await page.getByRole('button', { name: 'Create deal' }).click()
  await page.getByRole('link', { name: dealName }).click()
  await expect(page.getByRole('heading', { level: 1, name: dealName })).toBeVisible()

  // a quote with one line: 2 × 1000.00 less 10 %
  const quotes = page.getByRole('region', { name: 'Quotes' })
  await expect(quotes.getByText('No quotes yet.')).toBeVisible()
  await quotes.getByRole('button', { name: 'New quote' }).click()
  const form = quotes.getByRole('form', { name: 'New quote' })
  await form.getByLabel(/^Description/).fill('DealerDesk Pro licence')
  await form.getByLabel(/^Quantity/).fill('2')
  await form.getByLabel(/^List price/).fill('1000.00')
  await form.getByLabel(/^Discount$/).fill('10')
  await form.getByLabel('Discount as').selectOption('percent')
  await form.getByRole('button', { name: 'Create quote' }).click()
  await expect(quotes.getByText(/^Quote QUO-\d{4}-\d{5}-v1 created\.$/)).toBeVisible()
  const row = quotes.getByRole('row', { name: /QUO-\d{4}-\d{5}-v1/ })
  await expect(row).toContainText('Open')
  await expect(row).toContainText('€1,800.00')

  // accepted: the quote and the deal change
  await quotes.getByRole('button', { name: /^Accept quote QUO-\d{4}-\d{5}-v1$/ }).click()
  await expect(quotes.getByRole('row', { name: /QUO-\d{4}-\d{5}-v1/ })).toContainText('Accepted')
  const details = page.getByRole('region', { name: 'Details' })
  await expect(details).toContainText('Won')
  await expect(details).toContainText('€1,800.00')

  // the printable version opens in a new tab, fetched with the token
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    quotes.getByRole('button', { name: /^Print quote QUO-\d{4}-\d{5}-v1 as HTML$/ }).click(),
  ])
  await expect(popup).toHaveURL(/^blob:/)
  await popup.close()

  // the PDF is saved under the quote's document number
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    quotes.getByRole('button', { name: /^Download quote QUO-\d{4}-\d{5}-v1 as PDF$/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^QUO-\d{4}-\d{5}-v1\.pdf$/)
})
