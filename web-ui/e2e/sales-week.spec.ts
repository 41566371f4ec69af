import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { moveDealRight } from './support/board'

// The story in one go: a rep's week with a customer, from a call to a signed contract,
// and what the manager sees of it. activities.spec.ts and pipeline.spec.ts cover the halves.

// Nine stages side by side: wide enough that every column is on screen while dragging.
test.use({ viewport: { width: 2000, height: 1000 } })

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep calls a customer, sees the follow-up on the start page, signs the deal, and the manager sees it in the funnel', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Weekco', stamp)
  const lastName = `Hopper${stamp}`
  const subject = `Call about the offer ${stamp}`
  const dealName = `E2E Week deal ${stamp}`

  // Monday: the rep creates the customer with a contact and logs a call with a follow-up
  await signIn(page, 'rep')
  await openFromNavigation(page, 'Customers')
  await page.getByRole('link', { name: /New customer/ }).click()
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: /Add a first contact/ }).click()
  await page.getByLabel('First name').fill('Grace')
  await page.getByLabel(/^Last name/).fill(lastName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()

  const timeline = page.getByRole('region', { name: 'Timeline' })
  await timeline.getByRole('button', { name: '+ Log activity' }).click()
  const form = timeline.getByRole('form', { name: 'Log activity' })
  await form.getByLabel('Type').selectOption('CALL')
  await form.getByLabel(/^Subject/).fill(subject)
  await form.getByLabel('Contact').selectOption({ label: `Grace ${lastName}` })
  await form.getByLabel('Outcome').fill('Wants an offer for 20 seats')
  await form.getByRole('button', { name: '+ Add a follow-up reminder' }).click()
  await form.getByRole('button', { name: 'In 3 days' }).click()
  await expect(form.getByLabel(/^Due/)).not.toHaveValue('')
  await form.getByRole('button', { name: 'Save activity' }).click()
  await expect(timeline.getByText('The activity was logged.')).toBeVisible()
  await expect(timeline.getByRole('listitem', { name: subject })).toBeVisible()

  // the follow-up waits on the rep's start page
  await page.goto('/')
  await expect(page).toHaveURL(/\/reminders$/)
  await expect(page.getByRole('heading', { level: 1, name: 'My reminders' })).toBeVisible()
  const reminder = page.getByRole('region', { name: /^Upcoming/ }).getByRole('listitem', {
    name: subject,
  })
  await expect(reminder).toBeVisible()
  await expect(reminder.getByRole('link', { name: customerName })).toBeVisible()

  // later that week: a deal for the customer, moved across the board to "Contract signed"
  await openFromNavigation(page, 'Pipeline')
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible()
  const firstColumn = page.getByRole('region', { name: 'Information collected' })
  const signedColumn = page.getByRole('region', { name: 'Contract signed' })
  await expect(firstColumn).toBeVisible()

  await page.getByRole('button', { name: /New deal/ }).click()
  await page.getByRole('searchbox', { name: 'Find customer' }).fill(customerName)
  const customerSelect = page.getByLabel(/^Customer/)
  await expect(customerSelect.locator('option', { hasText: customerName })).toHaveCount(1)
  await customerSelect.selectOption({ label: customerName })
  await page.getByLabel(/^Deal name/).fill(dealName)
  await page.getByLabel('Amount').fill('24000')
  await page.getByLabel('Currency').selectOption('EUR')
  await page.getByRole('button', { name: 'Create deal' }).click()
  await expect(firstColumn.getByRole('article', { name: dealName })).toBeVisible()

  await moveDealRight(page, dealName, 6)
  await expect(signedColumn.getByRole('article', { name: dealName })).toBeVisible()
  await expect(page.getByText(`${dealName} moved to Contract signed.`)).toBeAttached()
  await expect(signedColumn.getByRole('article', { name: dealName })).toContainText('Won')
  // the server kept it there
  await page.reload()
  await expect(signedColumn.getByRole('article', { name: dealName })).toBeVisible()

  await signOut(page)

  // Friday: the manager's dashboard counts the deal in the funnel
  await signIn(page, 'manager')
  await openFromNavigation(page, 'Dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Sales dashboard' })).toBeVisible()
  const funnel = page.getByRole('region', { name: 'Funnel' })
  const chart = funnel.getByTestId('funnel-chart')
  await expect(chart.locator('svg.recharts-surface')).toBeVisible()
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible()
  await expect(funnel.getByTestId('funnel-total')).toHaveText(/^Deals in the funnel: [1-9]\d*$/)

  await funnel.getByText('Data').click()
  const signedRow = funnel.getByRole('row', { name: /Contract signed/ })
  await expect(signedRow).toBeVisible()
  const reached = Number((await signedRow.getByRole('cell').nth(1).textContent()) ?? '0')
  expect(reached).toBeGreaterThanOrEqual(1)
})
