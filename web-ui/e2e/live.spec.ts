import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn } from './support/auth'
import { moveDealRight } from './support/board'

// Two people at once, each in a browser of their own: what the rep changes shows on the
// manager's open board and customer page, and what the manager assigns shows on the rep's open
// reminders — without reloading. Each waits for its screen's "Live" note before the other acts.

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  // nine stages side by side: every column on screen while dragging
  const context = await browser.newContext({ viewport: { width: 2000, height: 1000 } })
  const page = await context.newPage()
  await signIn(page, username)
  return page
}

async function expectLive(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible()
}

/** Marks the loaded document: a reload would lose the mark ("without reloading" is checked). */
async function mark(page: Page) {
  await page.evaluate(() => Object.assign(window, { e2eNotReloaded: true }))
}

async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => 'e2eNotReloaded' in window)).toBe(true)
}

test('what one user changes shows on another user’s open screens without reloading', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const stamp = Date.now()
  const customerName = uniqueWord('Liveco', stamp)
  const renamed = `${customerName} Renamed`
  const dealName = `E2E Live deal ${stamp}`
  const callSubject = `Live call ${stamp}`
  const reminderSubject = `Live reminder ${stamp}`

  const rep = await signedIn(browser, 'rep')
  const manager = await signedIn(browser, 'manager')

  // the rep's customer and deal
  await rep.goto('/customers/new')
  await rep.getByLabel(/^Name/).fill(customerName)
  await rep.getByRole('button', { name: 'Create customer' }).click()
  await expect(rep.getByRole('heading', { level: 1, name: customerName })).toBeVisible()
  const customerPath = new URL(rep.url()).pathname

  await rep.goto('/pipeline')
  await rep.getByRole('button', { name: /New deal/ }).click()
  await rep.getByRole('searchbox', { name: 'Find customer' }).fill(customerName)
  const customerSelect = rep.getByLabel(/^Customer/)
  await expect(customerSelect.locator('option', { hasText: customerName })).toHaveCount(1)
  await customerSelect.selectOption({ label: customerName })
  await rep.getByLabel(/^Deal name/).fill(dealName)
  await rep.getByRole('button', { name: 'Create deal' }).click()
  await expect(rep.getByRole('article', { name: dealName })).toBeVisible()

  // 1. the board: the rep moves the deal, the manager's board follows
  await manager.goto('/pipeline')
  const columns = manager.locator('[data-stage]')
  await expect(columns.nth(0).getByRole('article', { name: dealName })).toBeVisible()
  await expectLive(manager)
  await mark(manager)

  await moveDealRight(rep, dealName, 1)
  await expect(
    rep.locator('[data-stage]').nth(1).getByRole('article', { name: dealName }),
  ).toBeVisible()
  await expect(columns.nth(1).getByRole('article', { name: dealName })).toBeVisible()
  await expect(columns.nth(0).getByRole('article', { name: dealName })).toHaveCount(0)
  await expectNotReloaded(manager)
  // the rep's own board shows the move once, where the rep dropped it
  await expect(rep.getByRole('article', { name: dealName })).toHaveCount(1)

  // 2. the customer page: the rep logs a call and renames the customer
  await manager.goto(customerPath)
  await expect(manager.getByRole('heading', { level: 1, name: customerName })).toBeVisible()
  const timeline = manager.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByText('No activities or mail yet.')).toBeVisible()
  await expectLive(manager)
  await mark(manager)

  await rep.goto(customerPath)
  const repTimeline = rep.getByRole('region', { name: 'Timeline' })
  await repTimeline.getByRole('button', { name: '+ Log activity' }).click()
  const repForm = repTimeline.getByRole('form', { name: 'Log activity' })
  await repForm.getByLabel('Type').selectOption('CALL')
  await repForm.getByLabel(/^Subject/).fill(callSubject)
  await repForm.getByRole('button', { name: 'Save activity' }).click()
  await expect(repTimeline.getByText('The activity was logged.')).toBeVisible()

  await expect(timeline.getByRole('listitem', { name: callSubject })).toBeVisible()

  await rep.goto(`${customerPath}/edit`)
  await rep.getByLabel(/^Name/).fill(renamed)
  await rep.getByRole('button', { name: 'Save changes' }).click()
  await expect(rep.getByRole('heading', { level: 1, name: renamed })).toBeVisible()

  await expect(manager.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
  await expectNotReloaded(manager)

  // 3. reminders: the manager reminds the rep, the rep's open list shows it
  await rep.goto('/reminders')
  await expect(rep.getByRole('heading', { level: 1, name: 'My reminders' })).toBeVisible()
  await expectLive(rep)
  await mark(rep)
  const upcoming = rep.getByRole('region', { name: /^Upcoming/ })
  await expect(upcoming.getByRole('listitem', { name: reminderSubject })).toHaveCount(0)

  await timeline.getByRole('button', { name: '+ Log activity' }).click()
  const managerForm = timeline.getByRole('form', { name: 'Log activity' })
  await managerForm.getByLabel('Type').selectOption('TASK')
  await managerForm.getByLabel(/^Subject/).fill(reminderSubject)
  await managerForm.getByRole('button', { name: '+ Add a follow-up reminder' }).click()
  await managerForm.getByRole('button', { name: 'In 3 days' }).click()
  await managerForm.getByLabel('Remind').selectOption({ label: 'Rafael Rep' })
  await managerForm.getByRole('button', { name: 'Save activity' }).click()
  await expect(timeline.getByText('The activity was logged.')).toBeVisible()

  await expect(upcoming.getByRole('listitem', { name: reminderSubject })).toBeVisible()
  await expectNotReloaded(rep)
})
