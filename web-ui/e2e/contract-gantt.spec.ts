import { expect, test, type Page } from '@playwright/test'
import { signIn, signOut } from './support/auth'

// A project manager plans a contract on the Gantt chart: two tasks, a dependency between them,
// the first dragged later pushes the second, the work is accepted. The contract and its stage
// and work are made through the API as the admin first. Screenshots of the contract page at
// 1280 and 1920 px in every language go to test-results/.

test.use({ viewport: { width: 1600, height: 1100 } })

/** Sends a GraphQL operation from the page, with the signed-in user's token. */
async function graphql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'))
      const token = key
        ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string })
            .access_token
        : undefined
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
      return (await response.json()) as { data?: unknown; errors?: unknown[] }
    },
    { query, variables },
  )
  expect(answer.errors ?? []).toEqual([])
  return answer.data as T
}

type Payload<K extends string, V> = Record<K, V & { userErrors: unknown[] }>

/** A mutation whose payload must come back without user errors. */
async function mutate<K extends string, V>(
  page: Page,
  name: K,
  query: string,
  input: Record<string, unknown>,
): Promise<V> {
  const data = await graphql<Payload<K, V>>(page, query, { input })
  expect(data[name].userErrors).toEqual([])
  return data[name]
}

const isoIn = (days: number) => {
  const date = new Date()
  date.setDate(date.getDate() + days)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** The admin makes a customer, a deal with an accepted quote, a contract on it, a stage and a work. */
async function contractWithWork(page: Page, stamp: number) {
  const { customer } = await mutate<'createCustomer', { customer: { id: string } }>(
    page,
    'createCustomer',
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { field code message } } }`,
    { name: `E2E Projects ${stamp}` },
  )
  const { opportunity } = await mutate<'createOpportunity', { opportunity: { id: string } }>(
    page,
    'createOpportunity',
    `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } userErrors { field code message } } }`,
    { customerId: customer.id, name: `E2E roll-out ${stamp}` },
  )
  const { quote } = await mutate<'createQuote', { quote: { id: string; version: number } }>(
    page,
    'createQuote',
    `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id version } userErrors { field code message } } }`,
    {
      opportunityId: opportunity.id,
      currency: 'EUR',
      validUntil: isoIn(30),
      lines: [{ description: 'Implementation', quantity: 1, listPrice: '12000.00' }],
    },
  )
  await mutate(
    page,
    'acceptQuote',
    `mutation($input: QuoteDecisionInput!) { acceptQuote(input: $input) { quote { id } userErrors { field code message } } }`,
    { id: quote.id, expectedVersion: quote.version },
  )
  const { contract } = await mutate<'createContract', { contract: { id: string; number: string } }>(
    page,
    'createContract',
    `mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id number } userErrors { field code message } } }`,
    { customerId: customer.id, quoteId: quote.id, title: `E2E ERP roll-out ${stamp}` },
  )
  const { stage } = await mutate<'createContractStage', { stage: { id: string } }>(
    page,
    'createContractStage',
    `mutation($input: CreateContractStageInput!) { createContractStage(input: $input) { stage { id } userErrors { field code message } } }`,
    { contractId: contract.id, name: 'Installation', deadline: isoIn(60) },
  )
  await mutate(
    page,
    'createContractWork',
    `mutation($input: CreateContractWorkInput!) { createContractWork(input: $input) { work { id } userErrors { field code message } } }`,
    { stageId: stage.id, name: 'Server set-up', deadline: isoIn(45) },
  )
  return contract
}

/** Adds a task to the work through the side panel. */
async function addTask(page: Page, name: string, startOn: string, endOn: string) {
  await page.getByRole('button', { name: 'Add task' }).click()
  const panel = page.getByRole('complementary', { name: 'New task' })
  await panel.getByLabel(/^Belongs to/).selectOption({ label: 'Work: Server set-up' })
  await panel.getByLabel(/^Name/).fill(name)
  await panel.getByRole('textbox', { name: /^Start/ }).fill(startOn)
  await panel.getByRole('textbox', { name: /^End/ }).fill(endOn)
  await panel.getByLabel(/^Planned hours/).fill('16')
  await panel.getByRole('button', { name: 'Add task' }).click()
  // the panel now shows the new task
  await expect(page.getByRole('complementary', { name: `Task: ${name}` })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
}

const bar = (page: Page, name: string) => page.locator('.wx-bar', { hasText: name })

/** A task's start as the chart's grid shows it (its second cell). */
const startInGrid = (page: Page, name: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name, exact: true }) })
    .getByRole('gridcell')
    .nth(1)

/** A date as the app shows it in English (Intl, medium style). */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${iso}T12:00:00`))

test('a project manager plans tasks on the Gantt chart', async ({ page }) => {
  // two tasks, a link, a drag, an acceptance and six screenshots: more than a busy machine
  // does in the default 90 s
  test.setTimeout(300_000)
  const stamp = Date.now()
  await signIn(page, 'admin')
  const contract = await contractWithWork(page, stamp)
  await signOut(page)

  await signIn(page, 'pm')
  // a project manager starts at the contracts
  await expect(page).toHaveURL(/\/contracts$/)
  await page.goto(`/contracts/${encodeURIComponent(contract.id)}`)
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(contract.number) }),
  ).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

  await addTask(page, 'Install servers', isoIn(1), isoIn(3))
  await addTask(page, 'Configure', isoIn(4), isoIn(6))
  await expect(bar(page, 'Install servers')).toBeVisible()
  await expect(bar(page, 'Configure')).toBeVisible()

  // link them: from the end of the first to the start of the second (a click on each handle)
  const first = bar(page, 'Install servers')
  const second = bar(page, 'Configure')
  await second.scrollIntoViewIfNeeded()
  await first.hover()
  await first.locator('.wx-link.wx-right').click()
  await second.hover()
  await second.locator('.wx-link.wx-left').click()
  await second.click()
  const configurePanel = page.getByRole('complementary', { name: 'Task: Configure' })
  await expect(configurePanel.getByText('Starts after: Install servers')).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()

  // drag the first a day later: the second, which starts right after it, has to move too
  await second.scrollIntoViewIfNeeded()
  const firstBox = (await first.boundingBox())!
  const cell = 32 // px per day on the "Days" scale
  await page.mouse.move(firstBox.x + firstBox.width / 2, firstBox.y + firstBox.height / 2)
  await page.mouse.down()
  await page.mouse.move(firstBox.x + firstBox.width / 2 + cell, firstBox.y + firstBox.height / 2, {
    steps: 12,
  })
  await page.mouse.up()
  await expect(
    page.getByRole('status').filter({ hasText: /more task was moved later/ }),
  ).toBeVisible()
  // the chart's grid shows both new starts (the time scale follows the tasks, so bars need not
  // change their place on screen)
  await expect(startInGrid(page, 'Install servers')).toHaveText(shownDate(isoIn(2)))
  await expect(startInGrid(page, 'Configure')).toHaveText(shownDate(isoIn(5)))

  // screenshots of the planned contract in every language at 1280 and 1920 px
  for (const language of ['en', 'ru', 'zh-CN']) {
    await page.locator('.language-picker select').selectOption(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 1100 })
      await page.screenshot({
        path: test.info().outputPath(`contract-${language}-${width}.png`),
        fullPage: true,
      })
    }
  }
  await page.locator('.language-picker select').selectOption('en')
  await page.setViewportSize({ width: 1600, height: 1100 })

  // accept the work, with a note
  await page.getByRole('button', { name: 'Accept Server set-up' }).click()
  const acceptForm = page.getByRole('form', { name: 'Accept Server set-up' })
  await acceptForm.getByLabel('Note').fill('Servers run.')
  await acceptForm.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByText(/Accepted by .+/)).toBeVisible()
  await expect(page.getByText(/Note: Servers run\./)).toBeVisible()
  // the stage can be accepted now
  await expect(page.getByRole('button', { name: 'Accept stage' })).toBeEnabled()
})
