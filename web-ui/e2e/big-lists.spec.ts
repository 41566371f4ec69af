import { expect, test, type Locator, type Page } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

// The long lists render only the rows in view: after 50 pages have been scrolled through, the
// DOM holds a few dozen rows, not thousands. The demo data is small, so each list's answers are
// multiplied on the way from the API (the server's real first row, copied with new ids).

const PAGES = 50

type Connection = {
  totalCount?: number
  edges: { cursor: string; node: { id: string; name: string } }[]
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
}

/**
 * Answers `operationName` with `PAGES` pages of copies of the first row the API returns for it;
 * `after` (one of our cursors) says which page. Returns how many pages were asked for.
 */
async function multiplyPages(page: Page, operationName: string, field: string, pageSize = 50) {
  const asked = { pages: 0 }
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as {
      operationName?: string
      variables?: Record<string, unknown>
    } | null
    if (body?.operationName !== operationName) return route.fallback()
    const after = (body.variables?.after as string | null | undefined) ?? null
    const number = after === null ? 0 : Number(after.split(':')[1]) + 1
    const response = await route.fetch({
      postData: JSON.stringify({ ...body, variables: { ...body.variables, after: null } }),
    })
    const json = (await response.json()) as { data?: Record<string, Connection> }
    const connection = json.data?.[field]
    const template = connection?.edges[0]
    if (connection && template) {
      asked.pages++
      connection.edges = Array.from({ length: pageSize }, (_, i) => ({
        ...template,
        cursor: `many:${number}:${i}`,
        node: {
          ...template.node,
          id: `${template.node.id}~${number}~${i}`,
          name: `${template.node.name} ${number * pageSize + i + 1}`,
        },
      }))
      if (connection.totalCount !== undefined) connection.totalCount = PAGES * pageSize
      connection.pageInfo = { hasNextPage: number + 1 < PAGES, endCursor: `many:${number}` }
    }
    await route.fulfill({ response, json })
  })
  return asked
}

/** Scrolls `scroller` to its end until `done` says the last page is in. */
async function scrollToTheEnd(scroller: Locator, done: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        await scroller.evaluate((element) => {
          element.scrollTop = element.scrollHeight
        })
        return done()
      },
      { timeout: 120_000, intervals: [50, 100, 200] },
    )
    .toBe(true)
}

test.use({ viewport: { width: 1440, height: 900 } })

test('the customer list keeps a bounded number of rows in the DOM over 50 pages', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'admin')
  const asked = await multiplyPages(page, 'CustomerList', 'customers')
  await page.goto('/customers')
  const body = page.locator('.results-body')
  await expect(body.getByRole('row').first()).toBeVisible()

  const last = `${PAGES * 50 + 1}` // the header is row 1
  await scrollToTheEnd(
    body,
    async () => (await body.locator(`[aria-rowindex="${last}"]`).count()) > 0,
  )
  expect(asked.pages).toBe(PAGES)
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', last)
  const rows = await body.getByRole('row').count()
  expect(rows).toBeGreaterThan(5)
  expect(rows).toBeLessThan(60)
  await expect(page.getByRole('columnheader').first()).toBeInViewport()
})

test('the license registry keeps a bounded number of rows in the DOM over 50 pages', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'admin')
  const asked = await multiplyPages(page, 'LicenseList', 'licenses')
  await openFromNavigation(page, 'Licenses')
  const scroller = page.locator('.license-scroll')
  const rows = scroller.locator('tbody tr[aria-rowindex]')
  await expect(rows.first()).toBeVisible()

  const last = `${PAGES * 50 + 1}`
  await scrollToTheEnd(
    scroller,
    async () => (await rows.last().getAttribute('aria-rowindex')) === last,
  )
  expect(asked.pages).toBe(PAGES)
  await expect(scroller.getByRole('table')).toHaveAttribute('aria-rowcount', last)
  const count = await rows.count()
  expect(count).toBeGreaterThan(5)
  expect(count).toBeLessThan(60)
  // the header stays on top of the scrolled rows
  await expect(scroller.getByRole('columnheader').first()).toBeInViewport()
})

test('a pipeline column keeps a bounded number of cards in the DOM over 50 pages', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'admin')
  const asked = await multiplyPages(page, 'BoardStageDeals', 'opportunities')
  await openFromNavigation(page, 'Pipeline')
  // the first column with a deal of the demo data: its pages are the multiplied ones
  const column = page
    .locator('[data-stage]')
    .filter({ has: page.getByRole('article') })
    .first()
  await expect(column).toBeVisible()
  const stage = await column.getAttribute('data-stage')
  const filled = page.locator(`[data-stage="${stage}"]`)
  const cards = filled.getByRole('article')
  await scrollToTheEnd(filled.locator('.board-cards'), async () =>
    (await filled.locator('.board-column-summary').innerText()).startsWith(`${PAGES * 50} deals`),
  )
  expect(asked.pages).toBeGreaterThanOrEqual(PAGES)
  const count = await cards.count()
  expect(count).toBeGreaterThan(2)
  expect(count).toBeLessThan(30)
  await expect(filled.getByRole('heading', { level: 2 })).toBeInViewport()
})
