import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

test('a manager creates a campaign, sees it with its results, and the dashboard charts the return', async ({
  page,
}) => {
  const name = `E2E Webinar ${Date.now()}`
  await signIn(page, 'manager')
  await openFromNavigation(page, 'Campaigns')
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible()

  await page.getByRole('button', { name: 'New campaign' }).click()
  await page.getByLabel(/^Name/).fill(name)
  await page.getByLabel('Kind').selectOption('WEBINAR')
  await page.getByLabel('Starts on').fill('2026-11-01')
  await page.getByLabel('Ends on').fill('2026-11-30')
  await page.getByLabel('Cost', { exact: true }).fill('1500')
  await page.getByRole('button', { name: 'Create campaign' }).click()
  await expect(page.getByText(`Campaign “${name}” created.`)).toBeVisible()

  const row = page.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('Webinar')
  await expect(row).toContainText('€1,500.00')
  // a new campaign has brought nothing yet
  await expect(row.getByRole('cell').nth(3)).toHaveText('0')

  await openFromNavigation(page, 'Dashboard')
  const card = page.getByRole('region', { name: 'Campaign return' })
  await expect(card).toBeVisible()
  await card.getByText('Data').click()
  await expect(card.getByRole('row', { name: new RegExp(name) })).toBeVisible()
})
