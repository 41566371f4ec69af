import { expect, test, type Page } from '@playwright/test'
import { openFromNavigation, signIn, signOut } from './support/auth'
import { layoutProblems } from './support/layout'

// The audit trail for admins: filtered by kind, a change opened to its fields before and after,
// the page fitting at the usual widths in every language; a sales rep has no such page.

const LANGUAGES = ['en', 'ru', 'zh-CN'] as const
const WIDTHS = [1280, 1920] as const

async function useLanguage(page: Page, language: string) {
  await page.locator('.language-picker select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

async function showKind(page: Page, kind: string) {
  const filter = page.getByRole('form', { name: 'Filter the audit trail' })
  await filter.getByLabel('Kind').selectOption(kind)
  await filter.getByRole('button', { name: 'Apply' }).click()
  const rows = page.locator('.audit-table tbody tr[data-kind]')
  await expect(rows.first()).toBeVisible()
  await expect(
    page.locator(`.audit-table tbody tr[data-kind]:not([data-kind="${kind}"])`),
  ).toHaveCount(0)
  return rows
}

test('an admin reads the audit trail: logins, and a change with its fields before and after', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'admin')
  await openFromNavigation(page, 'Audit trail')
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible()

  // the admin's own sign-in is there
  await showKind(page, 'LOGIN')

  // a change opens to the fields it touched
  const changes = await showKind(page, 'CHANGE')
  await changes.first().getByRole('button', { name: 'Show' }).click()
  const diff = page.locator('.audit-details .audit-diff')
  await expect(diff.getByRole('columnheader', { name: 'Before' })).toBeVisible()
  await expect(diff.locator('tbody tr').first()).toBeVisible()

  const screenshotDir = process.env.E2E_SCREENSHOT_DIR
  const problems: string[] = []
  for (const language of LANGUAGES) {
    await useLanguage(page, language)
    await expect(diff.locator('tbody tr').first()).toBeVisible()
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1100 })
      const at = `${language} at ${width}`
      problems.push(...(await layoutProblems(page)).map((p) => `${at}: ${p}`))
      if (screenshotDir) {
        await page.screenshot({ path: `${screenshotDir}/audit-${language}-${width}.png` })
      }
    }
  }
  expect(problems).toEqual([])
})

test('a sales rep has no audit trail', async ({ page }) => {
  await signIn(page, 'rep')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('link', { name: 'Customers', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Audit trail', includeHidden: true })).toHaveCount(0)
  await signOut(page)
})
