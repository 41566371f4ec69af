import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

async function searchCustomers(page: Page, text: string) {
  await openFromNavigation(page, 'Customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search' }).fill(text)
  // the list follows the search box after a short pause, through the address bar
  await expect(page).toHaveURL(
    new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`),
  )
  await expect(page.getByRole('status')).toHaveCount(0)
}

test('a rep creates a customer with a contact, finds it, and another rep cannot see it', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = `E2E Customer ${stamp}`
  const lastName = uniqueWord('Lovelace', stamp)

  await signIn(page, 'rep')

  // create
  await openFromNavigation(page, 'Customers')
  await page.getByRole('link', { name: /New customer/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible()
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByLabel('Legal name').fill(`${customerName} Ltd`)
  await page.getByLabel('Status').selectOption('CANDIDATE')
  await page.getByLabel('Region').fill('North')
  await page.getByLabel('Industry').fill('Manufacturing')
  await page.getByLabel('Tags').fill('e2e, key account')
  await page.getByRole('button', { name: /Add a first contact/ }).click()
  await page.getByLabel('First name').fill('Ada')
  await page.getByLabel(/^Last name/).fill(lastName)
  await page.getByLabel('Job title').fill('CTO')
  await page.getByRole('checkbox', { name: 'Decision maker' }).check()
  await page.getByLabel('E-mail 1').fill(`ada.${stamp}@example.com`)
  await page.getByLabel('Phone 1').fill('+1 555 0100')
  await page.getByRole('button', { name: 'Create customer' }).click()

  // its page
  await expect(page).toHaveURL(/\/customers\/[^/?]+$/)
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()
  const contact = page.getByRole('listitem', { name: new RegExp(lastName) })
  await expect(contact).toBeVisible()
  await expect(contact.getByText('CTO')).toBeVisible()
  await expect(contact.getByText('Decision maker')).toBeVisible()
  await expect(contact.getByRole('link', { name: `ada.${stamp}@example.com` })).toBeVisible()

  // found in the list by its name and by its contact's last name
  await searchCustomers(page, customerName)
  await expect(page.getByRole('link', { name: customerName })).toBeVisible()
  await searchCustomers(page, lastName)
  await expect(page.getByRole('link', { name: customerName })).toBeVisible()
  await expect(page.getByText('Found: 1')).toBeVisible()

  await signOut(page)

  // another rep does not see it
  await signIn(page, 'rep2')
  await searchCustomers(page, customerName)
  await expect(page.getByText(`No customers match “${customerName}”.`)).toBeVisible()
  await expect(page.getByRole('link', { name: customerName })).toHaveCount(0)
})
