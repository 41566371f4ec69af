import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

test.use({ viewport: { width: 2000, height: 1200 } })

/** Letters and digits only: a valid, unique product code. */
function uniqueCode(stamp: number): string {
  return `E2E-${stamp.toString(36).toUpperCase()}`
}

test('a product is sold, shipped in part and licensed; the license is found, opened and downloaded', async ({
  page,
}) => {
  const stamp = Date.now()
  const code = uniqueCode(stamp)
  const productName = `E2E Program ${stamp}`

  await signIn(page, 'admin')

  // the admin adds a program with a list price
  await openFromNavigation(page, 'Products')
  await page.getByRole('button', { name: 'New product' }).click()
  const productForm = page.getByRole('form', { name: 'New product' })
  await productForm.getByLabel(/^Code/).fill(code)
  await productForm.getByLabel(/^Name/).fill(productName)
  await expect(productForm.getByLabel('Kind')).toHaveValue('PROGRAM')
  await productForm.getByLabel('License model').selectOption('PERPETUAL')
  await productForm.getByLabel('Currency').selectOption('EUR')
  await productForm.getByLabel(/^Unit price/).fill('100.00')
  await productForm.getByRole('button', { name: 'Create product' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `${code} · ${productName}` }),
  ).toBeVisible()

  // an order for a demo customer: 3 units, priced from the catalogue
  await openFromNavigation(page, 'Orders')
  await page.getByRole('link', { name: 'New order' }).click()
  const orderForm = page.getByRole('form', { name: 'New order' })
  await orderForm.getByRole('searchbox', { name: 'Find customer' }).fill('Acme')
  const customerSelect = orderForm.getByLabel(/^Customer/)
  await expect(customerSelect.locator('option', { hasText: 'Acme Engineering' })).toHaveCount(1)
  await customerSelect.selectOption({ label: 'Acme Engineering' })
  await orderForm.getByLabel('Currency').selectOption('EUR')
  await orderForm.getByLabel(/^Product/).selectOption({ label: `${code} · ${productName}` })
  await expect(orderForm.getByLabel(/^Unit price/)).toHaveValue('100.00')
  await orderForm.getByLabel(/^Quantity/).fill('3')
  await expect(orderForm.getByRole('status', { name: 'Order total' })).toHaveText('€300.00')
  await orderForm.getByRole('button', { name: 'Create order' }).click()
  const orderHeading = page.getByRole('heading', { level: 1, name: /^Order ORD-/ })
  await expect(orderHeading).toBeVisible()
  const orderNumber = ((await orderHeading.textContent()) ?? '').replace('Order ', '').trim()
  await expect(page.getByText('€300.00').first()).toBeVisible()

  // ship 2 of the 3
  await page.getByRole('button', { name: 'Ship' }).click()
  const shipDialog = page.getByRole('dialog', { name: `Ship order ${orderNumber}` })
  const quantity = shipDialog.getByLabel(`Quantity to ship of ${productName}`)
  await expect(quantity).toHaveValue('3')
  await quantity.fill('2')
  await shipDialog.getByRole('button', { name: 'Create shipment' }).click()
  const shipmentHeading = page.getByRole('heading', { level: 1, name: /^Shipment SHP-/ })
  await expect(shipmentHeading).toBeVisible()
  const shipmentNumber = ((await shipmentHeading.textContent()) ?? '')
    .replace('Shipment ', '')
    .trim()

  // issue the licenses (no protection key)
  const licenses = page.getByRole('region', { name: 'Licenses' })
  await expect(licenses.getByText('No licenses issued yet.')).toBeVisible()
  await licenses.getByRole('button', { name: 'Issue licenses' }).click()
  const serialLink = licenses.getByRole('row').nth(1).getByRole('link')
  await expect(serialLink).toBeVisible()
  const serial = ((await serialLink.textContent()) ?? '').trim()
  // the check character is one of 37 symbols: Crockford's 32 and *~$=U
  expect(serial).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z*~$=]$/)

  // the registry finds it by the first five characters, as they are typed
  await openFromNavigation(page, 'Licenses')
  await page
    .getByRole('searchbox', { name: 'Search licenses' })
    .pressSequentially(serial.slice(0, 5), { delay: 60 })
  const found = page.getByRole('link', { name: serial })
  await expect(found).toBeVisible()
  await found.click()
  await expect(page.getByLabel('Serial number')).toHaveText(serial)

  // the signed license file downloads as <serial>.lic, less a check character that is no
  // letter or digit (features/licenses/utils/download.ts)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download signed license file' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`${serial.replace(/[^0-9A-Z-]/g, '')}.lic`)
  const content = await readFile(await download.path(), 'utf8')
  expect(content.trim().split('.')).toHaveLength(3) // a compact JWS

  // the shipment's document flow shows the order and the shipment
  await page.getByRole('link', { name: shipmentNumber }).click()
  const flow = page.getByRole('region', { name: 'Document flow' })
  await expect(flow.getByRole('link', { name: `Order ${orderNumber}` })).toBeVisible()
  await expect(flow.getByRole('link', { name: `Shipment ${shipmentNumber}` })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(flow.getByRole('link', { name: `Order ${orderNumber}` })).toHaveAttribute(
    'href',
    /\/orders\//,
  )
})
