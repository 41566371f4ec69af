import { expect, type Page } from '@playwright/test'

/**
 * Drags a deal card with dnd-kit's keyboard sensor: picks it up, moves it `columns` to the
 * right and drops it. Each step waits for dnd-kit's screen-reader announcement of it, so
 * that no key is pressed before the board has taken the previous one.
 */
export async function moveDealRight(page: Page, dealName: string, columns: number) {
  const announcement = page.locator('[id^="DndLiveRegion"]')
  const column = page.locator('[data-stage]')
  const stages = await column.evaluateAll((sections) =>
    sections.map((section) => section.getAttribute('data-stage') ?? ''),
  )
  const from = await column
    .filter({ has: page.getByRole('article', { name: dealName }) })
    .getAttribute('data-stage')
  const start = stages.indexOf(from ?? '')
  await page.getByRole('button', { name: `Move ${dealName}` }).focus()
  await page.keyboard.press('Space')
  // dnd-kit announces the pick-up and then, at once, the column the card is over
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await expect(announcement).toHaveText(
    new RegExp(
      `Picked up ${escape(dealName)}|${escape(dealName)} is over ${escape(stages[start] ?? '')}\\.`,
    ),
  )
  for (let step = 1; step <= columns; step++) {
    await page.keyboard.press('ArrowRight')
    await expect(announcement).toHaveText(`${dealName} is over ${stages[start + step]}.`)
  }
  await page.keyboard.press('Space')
}
