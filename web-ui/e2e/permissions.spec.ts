import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

// The app shows the actions the API lists in viewer.permissions: an accountant, who reads every
// customer, order and license but changes only invoices, sees no button that would fail on
// submit; a rep sees them on the same pages.

test.use({ viewport: { width: 2000, height: 1200 } })

/** Opens the first item of the current list page whose link starts with `prefix`. */
async function openFirst(page: Page, prefix: string) {
  // a row of the list, not its "new" or "check" action
  const link = page
    .locator(`main a[href^="${prefix}"]:not([href="${prefix}new"]):not([href="${prefix}verify"])`)
    .first()
  await expect(link).toBeVisible()
  await link.click()
}

test("an accountant's customers, orders and licenses show no write buttons", async ({ page }) => {
  await signIn(page, 'accountant')

  await openFromNavigation(page, 'Customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await expect(page.getByRole('link', { name: /New customer/ })).toHaveCount(0)
  await page.screenshot({ path: '/tmp/accountant-customers.png', fullPage: true })

  await openFirst(page, '/customers/')
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible()
  for (const name of [/^Edit$/, /^Archive$/, /^Restore$/, /Add contact/, /^Remove$/, /Log /]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0)
    await expect(page.getByRole('link', { name })).toHaveCount(0)
  }
  await expect(page.getByLabel('Import .eml file')).toHaveCount(0)
  await page.screenshot({ path: '/tmp/accountant-customer.png', fullPage: true })

  await openFromNavigation(page, 'Orders')
  await expect(page.getByRole('link', { name: 'New order' })).toHaveCount(0)
  await openFirst(page, '/orders/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  for (const name of ['Ship', 'Cancel order', 'Delete']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
  }
  await page.screenshot({ path: '/tmp/accountant-order.png', fullPage: true })

  await openFromNavigation(page, 'Licenses')
  await openFirst(page, '/licenses/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  for (const name of ['Extend', 'Upgrade', 'Suspend', 'Resume', 'Revoke']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
  }
  await page.screenshot({ path: '/tmp/accountant-license.png', fullPage: true })
})

test("a rep's customers and orders show the write buttons", async ({ page }) => {
  await signIn(page, 'rep')

  await openFromNavigation(page, 'Customers')
  await expect(page.getByRole('link', { name: /New customer/ })).toBeVisible()
  await openFirst(page, '/customers/')
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: /^(Archive|Restore)$/ })).toBeVisible()
  await expect(page.getByLabel('Import .eml file')).toBeVisible()

  await openFromNavigation(page, 'Orders')
  await expect(page.getByRole('link', { name: 'New order' })).toBeVisible()
  await openFirst(page, '/orders/')
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible()
})

test("a sales manager's license page offers the license's terms", async ({ page }) => {
  // a rep may not change a license's terms: that is the vendor's managers' and admins' call
  await signIn(page, 'manager')
  await openFromNavigation(page, 'Licenses')
  await openFirst(page, '/licenses/')
  await expect(page.getByRole('button', { name: 'Revoke', exact: true })).toBeVisible()
})
