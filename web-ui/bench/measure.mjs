// The web app at size: how long the customer list, the pipeline board and the license registry
// take to show their first rows, and how long an as-you-type search takes to show its answer,
// in Chromium driven by Playwright against a running stack (docs/performance.md, "The web app
// with big data"). It reports figures and asserts nothing.
//
//   E2E_BASE_URL=http://localhost:5173 node bench/measure.mjs
//
// Environment: E2E_BASE_URL (the web app), BENCH_USER (default admin) and E2E_PASSWORD (default
// demo) for the sign-in at the identity provider, BENCH_RUNS (default 5) runs per figure,
// CHROMIUM_PATH (default /usr/bin/chromium).
import { chromium } from '@playwright/test'

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:5173'
const USER = process.env.BENCH_USER ?? 'admin'
const PASSWORD = process.env.E2E_PASSWORD ?? 'demo'
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const TIMEOUT = 60_000

/** What "rows visible" means on each page, and what the page keeps in the DOM. */
const PAGES = [
  { name: 'customer list', path: '/customers', rows: '.results-body [role="row"][aria-rowindex]' },
  { name: 'pipeline board', path: '/pipeline', rows: '[data-stage] article' },
  { name: 'license registry', path: '/licenses', rows: '.license-scroll tbody tr[aria-rowindex]' },
]

const SEARCHES = [
  {
    name: 'license registry, serial prefix (4 characters)',
    path: '/licenses',
    rows: PAGES[2].rows,
    operation: 'LicenseList',
    searchbox: 'Search licenses',
    // the first serial's first characters: a prefix that exists at any size
    term: async (page) =>
      ((await page.locator(PAGES[2].rows).first().locator('code').innerText()) ?? '').slice(0, 4),
  },
  {
    name: 'customer list, name (4 characters)',
    path: '/customers',
    rows: PAGES[0].rows,
    operation: 'CustomerList',
    searchbox: 'Search',
    term: async (page) =>
      ((await page.locator(`${PAGES[0].rows} .cell-name a`).first().innerText()) ?? '').slice(0, 4),
  },
]

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const context = await browser.newContext({
  baseURL: BASE_URL,
  locale: 'en-US',
  viewport: { width: 1440, height: 900 },
})
const page = await context.newPage()
page.setDefaultTimeout(TIMEOUT)

/** Signs in as the e2e tests do: the app's button, the provider's form, back to the app. */
async function signIn() {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.locator('input[name="username"]').fill(USER)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('form button[type="submit"], form input[type="submit"]').first().click()
  const consent = page.locator('#submit-consent')
  const signOut = page.getByRole('button', { name: 'Sign out' })
  await consent.or(signOut).first().waitFor()
  if (await consent.isVisible()) {
    for (const scope of await page.locator('input[type="checkbox"][name="scope"]').all()) {
      await scope.check()
    }
    await consent.click()
  }
  await signOut.waitFor()
}

/** Opens `path` inside the app, as a link does (no reload). */
async function navigateInApp(path) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, path)
}

async function timed(action, rows) {
  const started = performance.now()
  await action()
  await page.locator(rows).first().waitFor({ state: 'visible' })
  return performance.now() - started
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const ms = (value) => (value === undefined ? '—' : `${Math.round(value)} ms`)
const summary = (values) =>
  values.length === 0 ? ['—', '—'] : [ms(median(values)), ms(Math.max(...values))]

async function measurePage({ path, rows }) {
  const load = []
  const inApp = []
  let inDom = '—'
  for (let run = 0; run < RUNS; run++) {
    // the whole page: the app's files (from the browser's cache after the first run), the
    // session, the query and the first render
    load.push(await timed(() => page.goto(path), rows))
    inDom = String(await page.locator(rows).count())
    await navigateInApp('/reminders')
    await page.locator('main h1').first().waitFor()
    inApp.push(await timed(() => navigateInApp(path), rows))
  }
  return { load, inApp, inDom }
}

async function measureSearch({ path, rows, operation, searchbox, term }) {
  const times = []
  let typed = ''
  for (let run = 0; run < RUNS; run++) {
    await page.goto(path)
    await page.locator(rows).first().waitFor({ state: 'visible' })
    typed = await term(page)
    const box = page.getByRole('searchbox', { name: searchbox, exact: true })
    const answered = page.waitForResponse((response) => {
      const body = response.request().postDataJSON()
      const search = body?.variables?.search ?? body?.variables?.filter?.search
      return body?.operationName === operation && search === typed
    })
    // typed as a person does; the clock starts at the last key
    await box.pressSequentially(typed, { delay: 80 })
    const started = performance.now()
    await answered
    await page.locator(rows).first().waitFor({ state: 'visible' })
    times.push(performance.now() - started)
  }
  return { times, typed }
}

const lines = []
try {
  await signIn()
  lines.push(
    '| page | first rows, page load (median / max) | first rows, in-app navigation (median / max) | rows in the DOM |',
  )
  lines.push('| --- | --- | --- | --- |')
  for (const target of PAGES) {
    try {
      const { load, inApp, inDom } = await measurePage(target)
      lines.push(
        `| ${target.name} | ${summary(load).join(' / ')} | ${summary(inApp).join(' / ')} | ${inDom} |`,
      )
    } catch (error) {
      lines.push(`| ${target.name} | failed: ${String(error.message).split('\n')[0]} | | |`)
    }
  }
  lines.push('')
  lines.push(
    '| as-you-type search | typed | last key to rows (median / max), with the 250 ms pause |',
  )
  lines.push('| --- | --- | --- |')
  for (const search of SEARCHES) {
    try {
      const { times, typed } = await measureSearch(search)
      lines.push(`| ${search.name} | \`${typed}\` | ${summary(times).join(' / ')} |`)
    } catch (error) {
      lines.push(`| ${search.name} | | failed: ${String(error.message).split('\n')[0]} |`)
    }
  }
} finally {
  await browser.close()
}
console.log(`Web app at ${BASE_URL} as ${USER}, ${RUNS} runs each, Chromium 1440×900\n`)
console.log(lines.join('\n'))
