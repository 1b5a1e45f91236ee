import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHaven } from '../packages/server/test/support/cli.js'
import { PAGE_TYPES } from '../packages/server/test/support/site-pages.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'

/** The phones and the desktop the site is checked at (the iPhone 12–15 screen is 390 × 844). */
const SCREENS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const
/** HTML and CSS of one page, gzipped, before images (the budget). */
const PAGE_BUDGET_GZIP = 30 * 1024
/** Every page type, the donation page a donor acts on, and a page using components. */
const PAGES: readonly [string, string][] = [
  ...PAGE_TYPES,
  ['donate', '/en/donate'],
  ['donate', '/ja/donate'],
  ['components', '/en/get-involved'],
]
/** Demo pages with a pull quote and a call to action written in the CMS Markdown. */
const COMPONENT_PAGES = ['/en/get-involved', '/ja/get-involved'] as const
/** Set SITE_SHOTS=folder to keep a screenshot of every page at every width, to look at. */
const SHOTS = process.env.SITE_SHOTS

describeInBrowser('the public website’s look in Chromium', (suite) => {
  let haven: HavenUnderTest
  beforeAll(async () => {
    haven = await startHaven()
    const demo = runHaven(['demo'], { DATA_DIR: haven.dataDir })
    expect(demo.status, demo.stderr).toBe(0)
    if (SHOTS) mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('fits its header at 320, 390 and 1280 px: the mark, a visible Donate button, the language switch, a labelled search and the page’s heading on the first screen', async () => {
    for (const screen of SCREENS) {
      const { page, context } = await suite.newPage({ viewport: screen, javaScriptEnabled: false })
      for (const [type, path] of PAGES) {
        await page.goto(`${haven.baseUrl}${path}`)
        const where = `${path} at ${screen.width} px`
        const heading = await page.locator('h1').boundingBox()
        expect(heading, where).not.toBeNull()
        // The heading starts in the upper half of the first screen, whatever the language.
        expect(heading?.y ?? 0, where).toBeLessThan(screen.height / 2)
        expect(await page.locator('.brand .mark').isVisible(), where).toBe(true)
        const donate = await page.locator('header .donate').boundingBox()
        expect(donate, where).not.toBeNull()
        expect((donate?.x ?? 0) + (donate?.width ?? 0), where).toBeLessThanOrEqual(screen.width)
        expect(await page.locator('header .lang-switch a').first().isVisible(), where).toBe(true)
        const links = await page.locator('header nav .nav > li').count()
        expect(links, where).toBeLessThanOrEqual(5)
        if (type !== 'search') {
          const label = page.locator('header .site-search label')
          expect(await label.isVisible(), where).toBe(true)
          expect((await label.boundingBox())?.width ?? 0, where).toBeGreaterThan(20)
        }
        if (screen.width >= 1280) {
          // One line of links on a desktop.
          const nav = await page.locator('header nav .nav').boundingBox()
          expect(nav?.height ?? 0, where).toBeLessThan(48)
        }
        if (type === 'components' || path === '/ja/get-involved') {
          // The credit sits under the quotation; the call to action's link is a real tap target.
          const quote = await page.locator('.prose .pull-quote blockquote').boundingBox()
          const credit = await page.locator('.prose .pull-quote figcaption').boundingBox()
          expect(credit?.y ?? 0, where).toBeGreaterThan((quote?.y ?? 0) + (quote?.height ?? 0) - 1)
          const action = await page.locator('.prose .call-to-action a').boundingBox()
          expect(action?.height ?? 0, where).toBeGreaterThanOrEqual(44)
          expect((action?.x ?? 0) + (action?.width ?? 0), where).toBeLessThanOrEqual(screen.width)
        }
        const wide = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(wide, `${where} is wider than the screen`).toBeLessThanOrEqual(screen.width)
        if (SHOTS) {
          const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${screen.width}.png`
          await page.screenshot({ path: join(SHOTS, name) })
        }
      }
      await context.close()
    }
  })

  it('keeps every page type within 30 KB of HTML and CSS (gzip), with a strict CSP', async () => {
    const css = await fetch(`${haven.baseUrl}${await stylesheetOf(haven.baseUrl)}`)
    const cssBytes = gzipSync(Buffer.from(await css.arrayBuffer())).length
    for (const [, path] of PAGES) {
      const res = await fetch(`${haven.baseUrl}${path}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'none'")
      expect(csp, path).not.toContain('unsafe-inline')
      const html = gzipSync(Buffer.from(await res.arrayBuffer())).length
      expect(html + cssBytes, path).toBeLessThanOrEqual(PAGE_BUDGET_GZIP)
    }
  })

  it('shows the page components in both languages, without axe violations, light and dark', async () => {
    // axe runs as a script in the page, so this page has JavaScript (the site itself has none).
    const { page, context } = await suite.newPage({ viewport: { width: 390, height: 844 } })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const path of COMPONENT_PAGES) {
        await page.goto(`${haven.baseUrl}${path}`)
        const where = `${scheme} ${path}`
        expect(await page.locator('.pull-quote figcaption').textContent(), where).toMatch(/^— /)
        expect(await page.locator('.call-to-action a').getAttribute('href'), where).toBe(
          path.replace('get-involved', 'donate'),
        )
        expect(describeViolations(await axeViolations(page)), where).toBe('')
        if (SHOTS)
          await page.screenshot({
            path: join(SHOTS, `components-${scheme}${path.replace(/[^a-z0-9]+/gi, '_')}-390.png`),
            fullPage: true,
          })
      }
    }
    await context.close()
  })

  it('has no axe violations in dark mode, and its header and text change colour', async () => {
    const { page, context } = await suite.newPage({ viewport: { width: 390, height: 844 } })
    await page.emulateMedia({ colorScheme: 'dark' })
    for (const path of [
      '/en/',
      '/ja/',
      '/ja/donate',
      '/en/news/',
      '/ja/contact',
      '/en/search?q=rice',
    ]) {
      await page.goto(`${haven.baseUrl}${path}`)
      expect(describeViolations(await axeViolations(page)), `dark ${path}`).toBe('')
      if (SHOTS)
        await page.screenshot({
          path: join(SHOTS, `dark${path.replace(/[^a-z0-9]+/gi, '_')}-390.png`),
        })
    }
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    )
    expect(background).toBe('rgb(18, 23, 29)')
    // Printing stays black on white even for a reader in dark mode.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)')
    expect(await page.locator('header .donate').isVisible()).toBe(false)
    await context.close()
  })
})

async function stylesheetOf(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/en/`)).text()
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1]
  if (!href) throw new Error('no stylesheet link on the home page')
  return href
}
