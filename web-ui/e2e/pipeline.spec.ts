import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { moveDealRight } from './support/board'

// Nine stages side by side: wide enough that every column is on screen while dragging.
test.use({ viewport: { width: 2000, height: 1000 } })

/** Letters only, so that word-based search treats it as one word. */
function uniqueWord(prefix: string, stamp: number): string {
  return prefix + String(stamp).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
}

test('a rep creates a deal, drags it to "Contract signed", and the manager sees it in the funnel', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = uniqueWord('Pipelineco', stamp)
  const dealName = `E2E Deal ${stamp}`

  await signIn(page, 'rep')

  // a customer of the rep's own
  await page.goto('/customers/new')
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()

  // the board
  await openFromNavigation(page, 'Pipeline')
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible()
  const firstColumn = page.getByRole('region', { name: 'Information collected' })
  const signedColumn = page.getByRole('region', { name: 'Contract signed' })
  await expect(firstColumn).toBeVisible()

  // a new deal for that customer
  await page.getByRole('button', { name: /New deal/ }).click()
  await page.getByRole('searchbox', { name: 'Find customer' }).fill(customerName)
  const customerSelect = page.getByLabel(/^Customer/)
  await expect(customerSelect.locator('option', { hasText: customerName })).toHaveCount(1)
  await customerSelect.selectOption({ label: customerName })
  await page.getByLabel(/^Deal name/).fill(dealName)
  await page.getByLabel('Amount').fill('12500.50')
  await page.getByLabel('Currency').selectOption('EUR')
  await page.getByLabel('Expected close').fill('2027-03-31')
  await page.getByRole('button', { name: 'Create deal' }).click()

  const card = page.getByRole('article', { name: dealName })
  await expect(firstColumn.getByRole('article', { name: dealName })).toBeVisible()
  await expect(card).toContainText(customerName)
  await expect(card).toContainText('€12,500.50')

  // drag it with the keyboard (dnd-kit's keyboard sensor): pick up, six columns right, drop
  await moveDealRight(page, dealName, 6)

  await expect(signedColumn.getByRole('article', { name: dealName })).toBeVisible()
  await expect(page.getByText(`${dealName} moved to Contract signed.`)).toBeAttached()
  await expect(signedColumn.getByRole('article', { name: dealName })).toContainText('Won')

  // the server kept it there
  await page.reload()
  await expect(signedColumn.getByRole('article', { name: dealName })).toBeVisible()
  await expect(firstColumn.getByRole('article', { name: dealName })).toHaveCount(0)

  // its page shows the move in the stage history
  await signedColumn.getByRole('link', { name: dealName }).click()
  await expect(page.getByRole('heading', { level: 1, name: dealName })).toBeVisible()
  await expect(page.getByText('Information collected → Contract signed')).toBeVisible()

  await signOut(page)

  // the manager's dashboard
  await signIn(page, 'manager')
  await openFromNavigation(page, 'Dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Sales dashboard' })).toBeVisible()

  const funnel = page.getByRole('region', { name: 'Funnel' })
  const chart = funnel.getByTestId('funnel-chart')
  await expect(chart.locator('svg.recharts-surface')).toBeVisible()
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible()
  const total = funnel.getByTestId('funnel-total')
  await expect(total).toHaveText(/^Deals in the funnel: \d+$/)
  const count = Number((await total.textContent())?.match(/\d+/)?.[0])
  expect(count).toBeGreaterThanOrEqual(1)

  // the data table behind the chart: our deal reached "Contract signed"
  await funnel.getByText('Data').click()
  const signedRow = funnel.getByRole('row', { name: /Contract signed/ })
  await expect(signedRow).toBeVisible()
  const reached = Number((await signedRow.getByRole('cell').nth(1).textContent()) ?? '0')
  expect(reached).toBeGreaterThanOrEqual(1)
})
