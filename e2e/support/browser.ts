import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const IN_CI = process.env.CI === 'true'

/** Flags for Debian's Chromium in a sandboxed, network-less machine (see the README). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

export interface BrowserSuite {
  browser(): Browser
  /** A fresh context (cookies, storage) with console errors collected. */
  newPage(options?: {
    viewport?: { width: number; height: number }
    locale?: string
    javaScriptEnabled?: boolean
  }): Promise<{
    page: Page
    context: BrowserContext
    consoleErrors: string[]
  }>
}

/**
 * A describe block that launches real Chromium once. Without Chromium it is skipped with a
 * clear message, except under CI=true, where that is a failure.
 */
export function describeInBrowser(title: string, body: (suite: BrowserSuite) => void): void {
  if (!existsSync(CHROMIUM)) {
    if (IN_CI) {
      describe(title, () => {
        it('needs Chromium under CI', () => {
          throw new Error(
            `CI=true but Chromium is not at ${CHROMIUM}: install Debian's chromium package (.ci/run does).`,
          )
        })
      })
    } else {
      console.warn(
        `Browser suite "${title}" SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
      )
      describe.skip(`${title} (skipped: Chromium not found at ${CHROMIUM})`, () => {})
    }
    return
  }
  describe(title, () => {
    let browser: Browser | undefined
    beforeAll(async () => {
      // Playwright gives each launch a fresh temporary --user-data-dir and removes it at close.
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
    })
    afterAll(async () => {
      await browser?.close()
    })
    const suite: BrowserSuite = {
      browser: () => {
        if (!browser) throw new Error('browser used outside a test')
        return browser
      },
      newPage: async (options = {}) => {
        const context = await suite.browser().newContext({
          viewport: options.viewport ?? { width: 1280, height: 800 },
          locale: options.locale ?? 'en-US',
          javaScriptEnabled: options.javaScriptEnabled ?? true,
        })
        const page = await context.newPage()
        const consoleErrors: string[] = []
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text())
        })
        page.on('pageerror', (error) => consoleErrors.push(error.message))
        return { page, context, consoleErrors }
      },
    }
    body(suite)
  })
}
