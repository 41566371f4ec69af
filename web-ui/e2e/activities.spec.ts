import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

test('a rep logs a call with a follow-up, sees it on the timeline and among the reminders, and marks it done', async ({
  page,
}) => {
  const stamp = Date.now()
  const customerName = `E2E Activities ${stamp}`
  const lastName = `Hopper${stamp}`
  const subject = `Follow-up call ${stamp}`

  // reps start at their reminders
  await signIn(page, 'rep')
  await expect(page).toHaveURL(/\/reminders$/)
  await expect(page.getByRole('heading', { level: 1, name: 'My reminders' })).toBeVisible()

  // a customer with a contact
  await openFromNavigation(page, 'Customers')
  await page.getByRole('link', { name: /New customer/ }).click()
  await page.getByLabel(/^Name/).fill(customerName)
  await page.getByRole('button', { name: /Add a first contact/ }).click()
  await page.getByLabel('First name').fill('Grace')
  await page.getByLabel(/^Last name/).fill(lastName)
  await page.getByRole('button', { name: 'Create customer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible()
  const customerUrl = page.url()

  // log a call with a follow-up in 3 days
  const activities = page.getByRole('region', { name: 'Timeline' })
  await expect(activities.getByText('No activities or mail yet.')).toBeVisible()
  await activities.getByRole('button', { name: '+ Log activity' }).click()
  const form = activities.getByRole('form', { name: 'Log activity' })
  await form.getByLabel('Type').selectOption('CALL')
  await form.getByLabel(/^Subject/).fill(subject)
  await form.getByLabel('Contact').selectOption({ label: `Grace ${lastName}` })
  await form.getByLabel('Outcome').fill('Interested in a demo')
  await form.getByRole('button', { name: '+ Add a follow-up reminder' }).click()
  await form.getByRole('button', { name: 'In 3 days' }).click()
  await expect(form.getByLabel(/^Due/)).not.toHaveValue('')
  await form.getByRole('button', { name: 'Save activity' }).click()
  await expect(activities.getByText('The activity was logged.')).toBeVisible()

  // on the timeline
  const item = activities.getByRole('listitem', { name: subject })
  await expect(item).toBeVisible()
  await expect(item.getByText('Call', { exact: true })).toBeVisible()
  await expect(item.getByText(`with Grace ${lastName}`)).toBeVisible()
  await expect(item.getByText('Interested in a demo')).toBeVisible()
  await expect(item.getByText(/^Follow-up for .+, due /)).toBeVisible()

  // among the reminders, as upcoming
  await openFromNavigation(page, 'Reminders')
  await expect(page.getByRole('heading', { level: 1, name: 'My reminders' })).toBeVisible()
  const upcoming = page.getByRole('region', { name: /^Upcoming/ })
  const row = upcoming.getByRole('listitem', { name: subject })
  await expect(row).toBeVisible()
  await expect(row.getByRole('link', { name: customerName })).toBeVisible()
  await expect(
    page.getByRole('region', { name: /^(Overdue|Today)/ }).getByRole('listitem', { name: subject }),
  ).toHaveCount(0)

  // done: it leaves the list
  await row.getByRole('button', { name: 'Done' }).click()
  await row.getByLabel('Outcome (optional)').fill('Demo booked')
  await row.getByRole('button', { name: 'Mark as done' }).click()
  await expect(page.getByRole('status').filter({ hasText: `“${subject}” is done.` })).toBeVisible()
  await expect(page.getByRole('listitem', { name: subject })).toHaveCount(0)

  // and the timeline says so
  await page.goto(customerUrl)
  const doneItem = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem', {
    name: subject,
  })
  await expect(doneItem.getByText(/^Follow-up done /)).toBeVisible()
  await expect(doneItem.getByText('Demo booked')).toBeVisible()
})
