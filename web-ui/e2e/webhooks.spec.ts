import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { layoutProblems } from './support/layout'

// The webhooks settings page: an admin registers an endpoint on a receiver this test runs
// (plain http on loopback: the development API allows http, the admin allows a private address),
// sends a test delivery and sees it in the log; a sales rep has no such page.

let receiver: Server
let receiverUrl = ''
const received: string[] = []

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push(body)
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('received')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dealerdesk`
})

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
})

const LANGUAGES = ['en', 'ru', 'zh-CN'] as const
const WIDTHS = [1280, 1920] as const

async function useLanguage(page: Page, language: string) {
  await page.locator('.language-picker select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

test('an admin creates an endpoint, sees its secret once, tests it, and disables and enables it', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const description = `E2E receiver ${Date.now()}`
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'admin')
  await openFromNavigation(page, 'Webhooks')
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible()

  await page.getByRole('button', { name: '+ New endpoint' }).click()
  const form = page.getByRole('form', { name: 'New webhook endpoint' })
  await form.getByLabel(/^URL/).fill(receiverUrl)
  await form.getByLabel('Description').fill(description)
  await form.getByRole('checkbox', { name: 'Deal moved to another stage' }).check()
  await form.getByRole('checkbox', { name: 'Customer created' }).check()
  await form.getByRole('checkbox', { name: /private or loopback/ }).check()
  await form.getByRole('button', { name: 'Create endpoint' }).click()

  // the secret, once
  const secretBox = page.getByRole('region', { name: `Signing secret for ${receiverUrl}` })
  await expect(secretBox).toContainText('shown only this once')
  const secret = await secretBox.getByLabel('Signing secret').inputValue()
  expect(secret.length).toBeGreaterThanOrEqual(16)

  // listed
  const card = page.getByRole('article', { name: receiverUrl }).filter({ hasText: description })
  await expect(card).toBeVisible()
  await expect(card).toContainText('Customer created')
  await expect(card).toContainText('Deal moved to another stage')
  await expect(card.getByText('Active', { exact: true })).toBeVisible()

  await secretBox.getByRole('button', { name: 'I have stored the secret' }).click()
  await expect(secretBox).toHaveCount(0)
  await page.reload()
  await expect(card).toBeVisible()
  await expect(page.getByText(secret)).toHaveCount(0)
  await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0)

  // a test delivery reaches the receiver and shows in the log
  const before = received.length
  await card.getByRole('button', { name: 'Send test delivery' }).click()
  await expect(
    card.getByRole('status').filter({ hasText: /Test delivery succeeded: HTTP 200/ }),
  ).toBeVisible()
  expect(received.length).toBeGreaterThan(before)
  const log = card.getByRole('region', { name: 'Delivery log' })
  const ping = log.getByRole('row').filter({ hasText: 'Test ping' }).first()
  await expect(ping).toContainText('Succeeded')
  await expect(ping).toContainText('200')
  await expect(ping).toContainText('received')

  // disable, enable
  await card.getByRole('button', { name: 'Disable' }).click()
  await expect(card.getByText('Disabled', { exact: true })).toBeVisible()
  await expect(card.getByRole('status').filter({ hasText: 'Endpoint disabled' })).toBeVisible()
  await card.getByRole('button', { name: 'Enable' }).click()
  await expect(card.getByText('Active', { exact: true })).toBeVisible()
  await expect(card.getByRole('status').filter({ hasText: 'Endpoint enabled' })).toBeVisible()

  // the page fits at the usual widths in every language: the list with the delivery log (open
  // since the test delivery),
  // then the form
  const screenshotDir = process.env.E2E_SCREENSHOT_DIR
  const problems: string[] = []
  for (const language of LANGUAGES) {
    await useLanguage(page, language)
    await expect(page.locator('main .loading')).toHaveCount(0)
    await expect(card.locator('.webhook-deliveries tbody tr').first()).toBeVisible()
    for (const view of ['list', 'form'] as const) {
      if (view === 'form') await page.locator('.page-actions .button-primary').click()
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 1300 })
        const at = `${view} in ${language} at ${width}`
        problems.push(...(await layoutProblems(page)).map((p) => `${at}: ${p}`))
        if (screenshotDir) {
          await page.screenshot({
            path: `${screenshotDir}/webhooks-${view}-${language}-${width}.png`,
          })
        }
      }
      if (view === 'form') await page.locator('.webhook-form .form-actions .button').last().click()
    }
  }
  expect(problems).toEqual([])
})

test('a sales rep has no webhooks page', async ({ page }) => {
  await signIn(page, 'rep')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('link', { name: 'Customers', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Webhooks', includeHidden: true })).toHaveCount(0)
  await signOut(page)
})
