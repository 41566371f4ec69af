import { expect, test } from '@playwright/test'
import { signIn } from './support/auth'

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep imports an .eml file into the customer’s mail, once, sees it on the timeline and finds it', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Mailco', stamp)
  const keyword = uniqueWord('Zebra', stamp)
  const eml = [
    'From: Anna Buyer <anna@example.com>',
    'To: rep@dealerdesk.test',
    `Subject: Licence renewal ${stamp}`,
    'Date: Mon, 23 Nov 2026 09:30:00 +0000',
    `Message-ID: <e2e-${stamp}@example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello, please send us an offer for the ${keyword} renewal.`,
    '',
  ].join('\r\n')
  const file = { name: 'renewal.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) }

  await signIn(page, 'rep')
  await page.goto('/customers/new')
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()

  const mail = page.getByRole('region', { name: 'Mail' })
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByText('No activities or mail yet.')).toBeVisible()

  // imported, it shows on the customer's timeline as an e-mail
  await mail.getByLabel('Import .eml file').setInputFiles(file)
  await expect(mail.getByText(`Imported “Licence renewal ${stamp}”.`)).toBeVisible()
  const item = timeline.getByRole('listitem', { name: `Licence renewal ${stamp}` })
  await expect(item).toBeVisible()
  await expect(item.getByText('E-mail', { exact: true })).toBeVisible()
  await expect(item.getByText('from Anna Buyer <anna@example.com>')).toBeVisible()
  await item.getByText(`Licence renewal ${stamp}`, { exact: true }).click()
  await expect(item.getByText(`${keyword} renewal`)).toBeVisible()
  // and only there: the mail card keeps import and search
  await expect(mail.getByText(`Licence renewal ${stamp}`, { exact: true })).toHaveCount(0)

  // the same file again writes nothing
  await mail.getByLabel('Import .eml file').setInputFiles(file)
  await expect(mail.getByText(/was already imported; nothing changed\./)).toBeVisible()

  // full-text search
  await mail.getByRole('searchbox', { name: 'Search mail' }).fill(keyword)
  await expect(mail.getByText(`Licence renewal ${stamp}`, { exact: true })).toBeVisible()
  await mail.getByRole('searchbox', { name: 'Search mail' }).fill(`${keyword}x`)
  await expect(mail.getByText(`No messages match “${keyword}x”.`)).toBeVisible()
})
