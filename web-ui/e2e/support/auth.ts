import { expect, type Page } from '@playwright/test'

/** The demo users' password at the development identity provider. */
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? 'demo'

/**
 * Signs in through the real provider: the app's "Sign in" button, then the provider's standard
 * login form (inputs `username` and `password`), then back to the app.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()

  const usernameInput = page.locator('input[name="username"]')
  await expect(usernameInput).toBeVisible()
  await usernameInput.fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"], form input[type="submit"]').first().click()

  // A provider that asks for consent shows its consent form once per user and client.
  const consent = page.locator('#submit-consent')
  const signOut = page.getByRole('button', { name: 'Sign out' })
  await expect(consent.or(signOut)).toBeVisible()
  if (await consent.isVisible()) {
    for (const scope of await page.locator('input[type="checkbox"][name="scope"]').all()) {
      await scope.check()
    }
    await consent.click()
  }

  await expect(signOut).toBeVisible()
  // the start page of the role: reps and managers their reminders, project managers the
  // contracts, partner users their portal, channel managers the registration queue, everyone
  // else the customers
  await expect(page).toHaveURL(
    /\/(customers|reminders|contracts|portal|channel\/registrations)(?:[/?#]|$)/,
  )
}

/**
 * Opens a screen through the main navigation, e.g. "Customers" or "Pipeline"; an entry inside a
 * group ("Sales", "Documents"…) is reached by opening its group first.
 */
export async function openFromNavigation(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const link = nav.getByRole('link', { name, exact: true, includeHidden: true })
  await expect(link).toHaveCount(1)
  if (!(await link.isVisible())) {
    // `has` is matched inside each group, so it takes a locator of its own, not one under `nav`
    const entry = page.getByRole('link', { name, exact: true, includeHidden: true })
    await nav.locator('.nav-group').filter({ has: entry }).getByRole('button').click()
  }
  await link.click()
}

/** Signs out (at the provider too) and waits for the landing page. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
}
