import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { graphql } from './support/graphql'

// The channel end to end: Baltic Soft (`partner2`) registers a deal for a customer through the
// API; Northwind (`partner`) registers the same customer in its portal; the channel manager
// (`channel`) sees Northwind's registration in the queue with the conflict and Baltic Soft's
// registration as its evidence, and rejects it with a reason; Northwind sees the rejection and
// the reason in its portal. Screenshots of the queue and the portal at 1280 and 1920 px in every
// language go to test-results/.

test.use({ viewport: { width: 1600, height: 1100 } })

const LANGUAGES = ['en', 'ru', 'zh-CN'] as const
const WIDTHS = [1280, 1920] as const

/** An ISO date `days` from today. */
function isoDaysFromToday(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Baltic Soft's registration of the customer, through the API as `partner2`; its number. */
async function registerAsBalticSoft(
  page: Page,
  customer: { name: string; taxId: string },
): Promise<string> {
  const { products } = await graphql<{ products: { edges: { node: { id: string } }[] } }>(
    page,
    `
      query {
        products(search: "DD-CAD", first: 1) {
          edges {
            node {
              id
            }
          }
        }
      }
    `,
  )
  const productId = products.edges[0]?.node.id
  expect(productId, 'the demo catalogue has DD-CAD').toBeTruthy()
  const { submitDealRegistration } = await graphql<{
    submitDealRegistration: { registration: { number: string } }
  }>(
    page,
    `
      mutation ($input: SubmitDealRegistrationInput!) {
        submitDealRegistration(input: $input) {
          registration {
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
    {
      input: {
        customerName: customer.name,
        customerTaxId: customer.taxId,
        lines: [{ productId, quantity: 3 }],
        expectedAmount: { amount: '9000.00', currency: 'EUR' },
        expectedCloseOn: isoDaysFromToday(60),
      },
    },
  )
  return submitDealRegistration.registration.number
}

async function screenshots(page: Page, name: string) {
  for (const language of LANGUAGES) {
    await page.locator('.language-picker select').selectOption(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1100 })
      await page.screenshot({
        path: test.info().outputPath(`${name}-${language}-${width}.png`),
        fullPage: true,
      })
    }
  }
  await page.locator('.language-picker select').selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.setViewportSize({ width: 1600, height: 1100 })
}

test('a conflicting registration is seen with its evidence, rejected with a reason, and the partner sees why', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const stamp = Date.now()
  const customer = { name: `E2E Channel ${stamp} GmbH`, taxId: `DE${stamp}` }
  const reason = `Baltic Soft registered ${customer.name} first (e2e ${stamp}).`

  // Baltic Soft registers first
  await signIn(page, 'partner2')
  const balticNumber = await registerAsBalticSoft(page, customer)
  await signOut(page)

  // Northwind registers the same customer in its portal
  await signIn(page, 'partner')
  await expect(page).toHaveURL(/\/portal$/)
  await openFromNavigation(page, 'Registrations')
  await page.getByRole('link', { name: '+ Register a deal' }).click()
  await page.getByRole('radio', { name: 'A new customer' }).check()
  await page.getByLabel(/^Customer name/).fill(customer.name)
  await page.getByLabel(/^Tax id/).fill(customer.taxId)
  await page.getByLabel(/^Product 1/).fill('DD-CAD')
  await page.getByRole('button', { name: /^DD-CAD — / }).click()
  await page.getByLabel(/^Quantity \(product 1\)/).fill('5')
  await page.getByLabel(/^Expected amount/).fill('15000')
  await page.getByLabel(/^Expected close/).fill(isoDaysFromToday(45))
  await page.getByRole('button', { name: 'Submit registration' }).click()
  const own = page.getByRole('article', { name: new RegExp(customer.name) })
  await expect(own).toBeVisible()
  await expect(own).toContainText('Submitted')
  // the evidence names another partner's business: partners see none of it
  await expect(own.getByRole('region', { name: 'Conflicts' })).toHaveCount(0)
  await signOut(page)

  // the channel manager finds it in the queue with the conflict and its evidence
  await signIn(page, 'channel')
  await expect(page).toHaveURL(/\/channel\/registrations/)
  const card = page
    .getByRole('region', { name: 'Waiting for a decision' })
    .getByRole('article')
    .filter({ hasText: customer.name })
    .filter({ has: page.getByRole('link', { name: 'Northwind Software GmbH' }) })
  await expect(card).toHaveCount(1)
  const conflicts = card.getByRole('region', { name: 'Conflicts' })
  await expect(conflicts).toContainText('Registered by another partner')
  // the evidence is written in the reader's language from the facts kept at submission
  await expect(conflicts).toContainText(
    `Registration ${balticNumber} of Baltic Soft SIA (submitted on `,
  )
  await expect(conflicts).toContainText(`tax id ${customer.taxId} equals ${customer.taxId}`)
  // (in Russian the English names of the regions above no longer find the card)
  await page.locator('.language-picker select').selectOption('ru')
  await expect(
    page
      .locator('.conflict-evidence')
      .filter({ hasText: `Регистрация ${balticNumber} партнёра Baltic Soft SIA` }),
  ).toContainText(`ИНН ${customer.taxId} совпадает с ${customer.taxId}`)
  await page.locator('.language-picker select').selectOption('en')
  await expect(conflicts.getByRole('link', { name: balticNumber })).toBeVisible()
  await expect(conflicts).toContainText('Baltic Soft')
  await screenshots(page, 'registration-queue')

  await card.getByRole('button', { name: 'Reject' }).click()
  await card.getByLabel(/Reason for the partner/).fill(reason)
  await card.getByRole('button', { name: 'Reject registration' }).click()
  const decided = page
    .getByRole('region', { name: 'Decided' })
    .getByRole('article')
    .filter({ hasText: reason })
  await expect(decided).toContainText('Rejected')
  await signOut(page)

  // Northwind sees the rejection and the reason, on its dashboard and in its registrations
  await signIn(page, 'partner')
  await expect(page.getByRole('region', { name: 'Deal registrations' })).toContainText(reason)
  await screenshots(page, 'portal-dashboard')
  await openFromNavigation(page, 'Registrations')
  const rejected = page.getByRole('article', { name: new RegExp(customer.name) })
  await expect(rejected).toContainText('Rejected')
  await expect(rejected).toContainText(reason)
  // decided by the vendor, never by a person's name
  await expect(rejected).not.toContainText('Chiara')
  await screenshots(page, 'portal-registrations')

  // a vendor-only screen is not part of the portal
  await page.goto('/collections')
  await expect(page.getByText('This screen is not available in the partner portal.')).toBeVisible()
})
