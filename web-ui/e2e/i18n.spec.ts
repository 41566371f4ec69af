import { expect, test } from '@playwright/test'
import { openFromNavigation, signIn } from './support/auth'

test('switching to Russian on the start page changes its text, and the choice is kept', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()

  await page.getByLabel('Language').selectOption('ru')

  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в DealerDesk' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  await page.reload()
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible()
})

test('switching to Russian in the app changes the navigation, list and buttons', async ({
  page,
}) => {
  await signIn(page, 'rep')
  await openFromNavigation(page, 'Customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()

  await page.getByLabel('Language').selectOption('ru')

  await expect(page.getByRole('heading', { level: 1, name: 'Клиенты' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Поиск' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Новый клиент/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
})
