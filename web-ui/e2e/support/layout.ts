import type { Page } from '@playwright/test'

/** Everything that lies outside the window, or makes the page or <main> scroll sideways. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    const scrolling = document.scrollingElement
    if (scrolling && scrolling.scrollWidth > width) {
      problems.push(`the page scrolls sideways (${scrolling.scrollWidth} > ${width} px)`)
    }
    const main = document.querySelector('main')
    if (main && main.scrollWidth > main.clientWidth + 1) {
      problems.push(`<main> scrolls sideways (${main.scrollWidth} > ${main.clientWidth} px)`)
    }
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ''}> "${(element.textContent ?? '').trim().slice(0, 40)}"`
    // a box that scrolls on purpose (e.g. the pipeline's columns) may hold what is out of view
    const insideScroller = (element: Element) => {
      for (let e = element.parentElement; e && e !== main; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX
        if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth) {
          return true
        }
      }
      return false
    }
    const elements = document.querySelectorAll(
      '.app-header *, main h1, main h2, main h3, main a, main button, main input, main select, main textarea, main label, main th, main dt, main dd, main svg',
    )
    for (const element of elements) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue // not rendered (hidden, closed)
      if (getComputedStyle(element).visibility === 'hidden') continue
      const outside = box.left < -0.5 || box.right > width + 0.5 || box.top < -0.5
      if (outside && !insideScroller(element)) {
        problems.push(
          `${describe(element)} lies outside the window (${Math.round(box.left)}…${Math.round(box.right)} of ${width} px)`,
        )
      }
    }
    return problems
  })
}
