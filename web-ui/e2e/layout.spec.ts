import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './support/auth'
import { layoutProblems } from './support/layout'

// The header and the main pages fit the window at the usual desktop widths, in every language:
// nothing lies outside the viewport and nothing scrolls sideways. The admin has the widest
// navigation; the other roles are checked at the narrowest width. The main pages also pass an
// axe-core scan without serious or critical violations.

const WIDTHS = [1280, 1366, 1440, 1920] as const
const LANGUAGES = ['en', 'ru', 'zh-CN'] as const
const HEIGHT = 900

type PageName =
  | 'reminders'
  | 'customers'
  | 'customer'
  | 'pipeline'
  | 'dashboard'
  | 'orders'
  | 'licenses'
  | 'license'
  | 'products'
  | 'portal'
  | 'registrations'
  | 'channel/registrations'
  | 'channel/partners'
  | 'channel/performance'
  | 'channel/tiers'
  | 'portal/account'
  | 'partner-accounts'
  | 'collections'
  | 'budget'

/** The main pages each role may open (the customer and the license: the first in their list). */
const PAGES = {
  admin: [
    'reminders',
    'customers',
    'customer',
    'pipeline',
    'dashboard',
    'orders',
    'licenses',
    'license',
    'products',
  ],
  rep: ['reminders', 'customers', 'customer', 'pipeline', 'orders', 'licenses', 'products'],
  accountant: [
    'customers',
    'customer',
    'orders',
    'licenses',
    'license',
    'products',
    'partner-accounts',
    'collections',
    'budget',
  ],
  partner: [
    'portal',
    'registrations',
    'reminders',
    'customers',
    'pipeline',
    'orders',
    'licenses',
    'portal/account',
  ],
  channel: [
    'channel/registrations',
    'channel/partners',
    'channel/performance',
    'channel/tiers',
    'customers',
  ],
} satisfies Record<string, readonly PageName[]>

/** Opens each group of the main navigation in turn: its entries must fit the window too. */
async function navigationGroupProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  const groups = page
    .getByRole('navigation', { name: 'Main navigation' })
    .locator('button[aria-expanded]')
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i)
    await group.click()
    await expect(group).toHaveAttribute('aria-expanded', 'true')
    const label = await group.innerText()
    problems.push(...(await layoutProblems(page)).map((p) => `${label} open: ${p}`))
    await page.keyboard.press('Escape')
    await expect(group).toHaveAttribute('aria-expanded', 'false')
  }
  return problems
}

/** Finds the address of the first item a list links to, e.g. /customers/<id>. */
async function firstDetailPath(page: Page, list: string, pattern: RegExp) {
  await openPage(page, list)
  return page.evaluate(
    (source) =>
      Array.from(document.querySelectorAll('main a'))
        .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
        .find((path) => new RegExp(source).test(path)) ?? null,
    pattern.source,
  )
}

/**
 * Opens a page inside the app, as a link would (no reload: the session and the cache stay), and
 * waits until its heading replaced the previous page's and what it shows has loaded.
 */
async function openPage(page: Page, path: string) {
  const heading = page.locator('main h1').first()
  if (new URL(page.url()).pathname !== path) {
    const before = (await heading.count()) > 0 ? await heading.innerText() : null
    await page.evaluate((to) => {
      window.history.pushState(null, '', to)
      window.dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    await expect(page).toHaveURL(path)
    if (before !== null) await expect(heading).not.toHaveText(before)
  }
  await expect(heading).toBeVisible()
  // the dashboard's reports may take a while on a busy machine
  await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 60_000 })
}

async function pathsFor(page: Page, user: keyof typeof PAGES) {
  const paths = new Map<PageName, string>()
  for (const name of PAGES[user]) {
    if (name === 'customer') {
      const path = await firstDetailPath(page, '/customers', /^\/customers\/(?!new$)[^/]+$/)
      if (path) paths.set(name, path)
    } else if (name === 'license') {
      const path = await firstDetailPath(page, '/licenses', /^\/licenses\/(?!verify$)[^/]+$/)
      if (path) paths.set(name, path)
    } else {
      paths.set(name, `/${name}`)
    }
  }
  return paths
}

async function useLanguage(page: Page, language: string) {
  await page.locator('.language-picker select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

const screenshotDir = process.env.E2E_SCREENSHOT_DIR

test(`admin: header and main pages fit at ${WIDTHS.join(', ')} px in every language`, async ({
  page,
}) => {
  test.setTimeout(600_000)
  await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT })
  await signIn(page, 'admin')
  const paths = await pathsFor(page, 'admin')
  // the admin's demo data has a customer and a license of each kind
  expect([...paths.keys()]).toEqual(PAGES.admin)

  const problems: string[] = []
  for (const language of LANGUAGES) {
    await useLanguage(page, language)
    for (const [name, path] of paths) {
      await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT })
      await openPage(page, path)
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT })
        const at = `${name} in ${language} at ${width}`
        problems.push(...(await layoutProblems(page)).map((p) => `${at}: ${p}`))
        if (name === 'customers') {
          problems.push(...(await navigationGroupProblems(page)).map((p) => `${at}: ${p}`))
        }
        if (screenshotDir && (width === 1280 || width === 1920)) {
          await page.screenshot({ path: `${screenshotDir}/admin-${language}-${width}-${name}.png` })
        }
      }
      if (language === 'en') {
        // one scan per page is enough: the markup is the same in every language and width
        await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT })
        const scan = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        for (const violation of scan.violations) {
          if (violation.impact === 'serious' || violation.impact === 'critical') {
            problems.push(
              `${name}: axe ${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(' '))
                .join('; ')}`,
            )
          }
        }
      }
    }
  }
  expect(problems).toEqual([])
})

for (const user of ['rep', 'accountant', 'partner', 'channel'] as const) {
  test(`${user}: header and main pages fit at ${WIDTHS[0]} px in every language`, async ({
    page,
  }) => {
    test.setTimeout(300_000)
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT })
    await signIn(page, user)
    const paths = await pathsFor(page, user)
    const problems: string[] = []
    for (const language of LANGUAGES) {
      await useLanguage(page, language)
      for (const [name, path] of paths) {
        await openPage(page, path)
        problems.push(...(await layoutProblems(page)).map((p) => `${name} in ${language}: ${p}`))
        if (name === 'customers') {
          problems.push(
            ...(await navigationGroupProblems(page)).map((p) => `${name} in ${language}: ${p}`),
          )
        }
        if (screenshotDir) {
          for (const width of [1280, 1920]) {
            await page.setViewportSize({ width, height: HEIGHT })
            await page.screenshot({
              path: `${screenshotDir}/${user}-${language}-${width}-${name.replace('/', '-')}.png`,
            })
          }
          await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT })
        }
      }
    }
    expect(problems).toEqual([])
  })
}
