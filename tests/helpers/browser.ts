import fs from 'node:fs'

import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const hasChromium = () => fs.existsSync(CHROMIUM)

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

/**
 * A page that records console errors and failed requests. Requests the browser itself aborts
 * (navigating away mid-prefetch) are not failures.
 */
export async function watchedPage(browser: Browser, { phone = false } = {}) {
  const context = await browser.newContext(
    phone
      ? // A phone as leaders hold it: 390×844 CSS pixels, touch, mobile layout.
        {
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'en-US',
        }
      : { viewport: { width: 1400, height: 1000 }, locale: 'en-US' },
  )
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return { page, problems, close: () => context.close() }
}

export async function logIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  await page.waitForLoadState('networkidle')
}
