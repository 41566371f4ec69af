import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { graphql } from './support/graphql'

// Billing end to end: an order of a time-limited program with a two-part payment plan and its
// license bound to the plan; the accountant records the payment of the first part's invoice on
// the invoice page: the invoice is paid, the license runs longer, and collections show the
// customer with the second part overdue in the 1–30 days band. The order's document flow then
// reaches the payment.

test.use({ viewport: { width: 1920, height: 1200 } })

const LANGUAGES = ['en', 'ru', 'zh-CN'] as const
const WIDTHS = [1280, 1920] as const

/** An ISO date `days` from today (negative: in the past). */
function isoDaysFromToday(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A date as the app shows it in English (Intl, medium style). */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso))

type Setup = {
  customerName: string
  orderId: string
  invoiceId: string
  invoiceNumber: string
  licenseId: string
}

/** Everything the accountant finds, made through the API as the admin. */
async function setUpAsAdmin(page: Page, stamp: number): Promise<Setup> {
  const customerName = `E2E Billing ${stamp}`
  const code = `E2EB-${stamp.toString(36).toUpperCase()}`
  const { createCustomer } = await graphql<{ createCustomer: { customer: { id: string } } }>(
    page,
    `
      mutation ($input: CreateCustomerInput!) {
        createCustomer(input: $input) {
          customer {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { name: customerName, status: 'CUSTOMER' } },
  )
  const customerId = createCustomer.customer.id
  const { createProduct } = await graphql<{ createProduct: { product: { id: string } } }>(
    page,
    `
      mutation ($input: CreateProductInput!) {
        createProduct(input: $input) {
          product {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    {
      input: {
        code,
        name: `E2E Rental ${stamp}`,
        kind: 'PROGRAM',
        licenseModel: 'TIME_LIMITED',
        // a month: the plan's next due date plus grace lies beyond it, so paying extends it
        termMonths: 1,
        seatBasis: 'PER_SEAT',
        prices: [{ unitPrice: { amount: '1000.00', currency: 'EUR' } }],
      },
    },
  )
  const { createOrder } = await graphql<{ createOrder: { order: { id: string } } }>(
    page,
    `
      mutation ($input: CreateOrderInput!) {
        createOrder(input: $input) {
          order {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    {
      input: {
        customerId,
        currency: 'EUR',
        lines: [{ productId: createProduct.product.id, quantity: 1, unitPrice: '1000.00' }],
      },
    },
  )
  const orderId = createOrder.order.id
  const { createShipment } = await graphql<{ createShipment: { shipment: { id: string } } }>(
    page,
    `
      mutation ($input: CreateShipmentInput!) {
        createShipment(input: $input) {
          shipment {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { orderId } },
  )
  const { issueLicenses } = await graphql<{ issueLicenses: { licenses: { id: string }[] } }>(
    page,
    `
      mutation ($input: IssueLicensesInput!) {
        issueLicenses(input: $input) {
          licenses {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { shipmentId: createShipment.shipment.id } },
  )
  const licenseId = issueLicenses.licenses[0]!.id
  // half 40 days ago, the rest 10 days ago: both overdue until paid
  const { createPaymentPlan } = await graphql<{
    createPaymentPlan: { paymentPlan: { id: string; plannedPayments: { id: string }[] } }
  }>(
    page,
    `
      mutation ($input: CreatePaymentPlanInput!) {
        createPaymentPlan(input: $input) {
          paymentPlan {
            id
            plannedPayments {
              id
            }
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    {
      input: {
        orderId,
        terms: [
          { kind: 'PART', percent: '50', label: 'First half', dueOn: isoDaysFromToday(-40) },
          { kind: 'REST', label: 'Second half', dueOn: isoDaysFromToday(20) },
        ],
      },
    },
  )
  const plan = createPaymentPlan.paymentPlan
  await graphql(
    page,
    `
      mutation ($input: BindLicenseToPaymentPlanInput!) {
        bindLicenseToPaymentPlan(input: $input) {
          license {
            id
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { licenseId, paymentPlanId: plan.id } },
  )
  const { invoicePlannedPayment } = await graphql<{
    invoicePlannedPayment: { invoice: { id: string; number: string } }
  }>(
    page,
    `
      mutation ($input: InvoicePlannedPaymentInput!) {
        invoicePlannedPayment(input: $input) {
          invoice {
            id
            number
          }
          userErrors {
            field
            code
            message
          }
        }
      }
    `,
    { input: { plannedPaymentId: plan.plannedPayments[0]!.id } },
  )
  return {
    customerName,
    orderId,
    invoiceId: invoicePlannedPayment.invoice.id,
    invoiceNumber: invoicePlannedPayment.invoice.number,
    licenseId,
  }
}

async function licenseDates(page: Page, id: string) {
  const { license } = await graphql<{ license: { endsOn: string; paidUntil: string | null } }>(
    page,
    `
      query ($id: ID!) {
        license(id: $id) {
          endsOn
          paidUntil
        }
      }
    `,
    { id },
  )
  return license
}

async function useLanguage(page: Page, language: string) {
  await page.locator('.language-picker select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

test('the accountant records the payment of an invoice: paid, the license extended, collections up to date', async ({
  page,
}, testInfo) => {
  // the set-up, the payment, the document flow, the license, collections and 12 screenshots
  test.setTimeout(300_000)
  const stamp = Date.now()
  await signIn(page, 'admin')
  const setup = await setUpAsAdmin(page, stamp)
  await signOut(page)

  await signIn(page, 'accountant')
  const before = await licenseDates(page, setup.licenseId)

  // the invoice page: unpaid, then "Record payment" pays what is open of it
  await page.goto(`/invoices/${encodeURIComponent(setup.invoiceId)}`)
  const payments = page.getByRole('region', { name: 'Payments' })
  await expect(payments.locator('.badge').filter({ hasText: /^Unpaid$/ })).toBeVisible()
  await payments.getByRole('button', { name: 'Record payment' }).click()
  const dialog = page.getByRole('dialog', { name: `Record a payment from ${setup.customerName}` })
  await expect(dialog.getByLabel(/^Amount/)).toHaveValue('500.00')
  await expect(dialog.getByLabel(`Allocate to ${setup.invoiceNumber} (EUR)`)).toHaveValue('500.00')
  await dialog.getByLabel('Reference').fill(`E2E ${stamp}`)
  // a double click records once: one idempotency key for the dialog
  await dialog.getByRole('button', { name: 'Record payment' }).dblclick()
  await expect(payments.getByRole('status').filter({ hasText: /^Payment PAY-/ })).toBeVisible()
  await expect(payments.locator('.badge').filter({ hasText: /^Paid$/ })).toBeVisible()
  const paymentLink = payments.getByRole('link', { name: /^PAY-/ })
  await expect(paymentLink).toHaveCount(1)
  const paymentNumber = (await paymentLink.textContent())?.trim() ?? ''

  // the order's document flow follows the chain on to the payment, made from the invoice
  await page.goto(`/orders/${encodeURIComponent(setup.orderId)}`)
  const flow = page.getByRole('region', { name: 'Document flow' })
  const paymentNode = flow.getByRole('link', { name: `Payment ${paymentNumber}` })
  await expect(paymentNode).toBeVisible()
  await expect(flow.getByRole('heading', { name: 'Payments' })).toBeVisible()
  const paymentItem = flow
    .locator('.document-flow-node')
    .filter({ has: page.getByRole('link', { name: `Payment ${paymentNumber}` }) })
  await expect(paymentItem).toContainText(`from ${setup.invoiceNumber}`)
  await paymentNode.click()
  await expect(page).toHaveURL(/\/payments\//)
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(paymentNumber) }),
  ).toBeVisible()

  // the bound license now runs until the second half's due date plus the grace period
  const after = await licenseDates(page, setup.licenseId)
  expect(after.endsOn > before.endsOn).toBe(true)
  await page.goto(`/licenses/${encodeURIComponent(setup.licenseId)}`)
  await expect(page.getByText(shownDate(after.endsOn)).first()).toBeVisible()
  const planCard = page.getByRole('region', { name: 'Payment plan' })
  await expect(planCard.getByText(shownDate(after.paidUntil ?? after.endsOn))).toBeVisible()

  // collections as of 25 days from now: the second half, 5 days overdue, in the 1–30 days band
  await openFromNavigation(page, 'Collections')
  await page.getByLabel('As of').fill(isoDaysFromToday(25))
  await page.getByLabel('As of').press('Tab')
  const byCustomer = page.getByRole('table', { name: 'By customer' })
  const row = byCustomer.getByRole('row', { name: new RegExp(setup.customerName) })
  await expect(row).toBeVisible()
  const cells = row.getByRole('cell')
  // currency, not due, 1–30, 31–60, 61–90, over 90, total
  await expect(cells.nth(0)).toHaveText('EUR')
  await expect(cells.nth(2)).toHaveText('€500.00')
  await expect(cells.nth(3)).toHaveText('€0.00')

  // screenshots of collections and of the order's payment schedule, per language and width
  for (const language of LANGUAGES) {
    await useLanguage(page, language)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1200 })
      await page.goto('/collections')
      await expect(page.locator('table').first()).toBeVisible()
      await page.screenshot({
        path: testInfo.outputPath(`collections-${language}-${width}.png`),
        fullPage: true,
      })
      await page.goto(`/orders/${encodeURIComponent(setup.orderId)}`)
      const schedule = page.locator('section[aria-labelledby="payment-schedule-title"]')
      await expect(schedule.locator('table')).toBeVisible()
      await schedule.screenshot({ path: testInfo.outputPath(`schedule-${language}-${width}.png`) })
    }
  }
  await useLanguage(page, 'en')
})
