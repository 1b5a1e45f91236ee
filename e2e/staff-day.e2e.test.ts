import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

// Issue #15: the staff app for a caseworker's day — compression and the grouped menu.

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${where}: ${describeViolations(violations)}`).toEqual([])
}

const TEXT = {
  en: { menu: 'Menu', main: 'Main', work: 'Work', field: 'Field', me: 'Me', cases: 'Cases' },
  ja: { menu: 'メニュー', main: 'メイン', work: '業務', field: '現場', me: '自分', cases: 'ケース' },
} as const

describeInBrowser('the staff app for a caseworker’s day (issue 15)', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: null },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('sends the app’s scripts and styles Brotli-compressed and cached as immutable, API data compressed but never stored', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
    const assets: { url: string; encoding?: string; cache?: string; length: number }[] = []
    const api: { url: string; encoding?: string; cache?: string; length: number }[] = []
    page.on('response', (res) => {
      const headers = res.headers()
      if (res.url().includes('/app/assets/'))
        assets.push({
          url: res.url(),
          encoding: headers['content-encoding'],
          cache: headers['cache-control'],
          length: Number(headers['content-length'] ?? 0),
        })
      if (res.url().includes('/api/v1/'))
        api.push({
          url: res.url(),
          encoding: headers['content-encoding'],
          cache: headers['cache-control'],
          length: Number(headers['content-length'] ?? 0),
        })
    })
    await page.goto(`${haven.baseUrl}/app/people`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.waitForLoadState('networkidle')
    const scripts = assets.filter((a) => /\.(js|css)$/.test(a.url))
    expect(scripts.length).toBeGreaterThan(2)
    // Files under 512 bytes are sent as they are: compressing them would save nothing.
    expect(scripts.filter((s) => s.encoding === 'br').length).toBeGreaterThan(2)
    for (const script of scripts) {
      if (script.encoding !== 'br') expect(script.length, script.url).toBeLessThan(512)
      expect(script.cache, script.url).toBe('public, max-age=31536000, immutable')
    }
    expect(api.length).toBeGreaterThan(0)
    for (const answer of api) expect(answer.cache, answer.url).toBe('no-store')
    // The session (abilities, grants) is over the threshold: it must arrive compressed.
    const session = api.find((a) => a.url.endsWith('/api/v1/auth/session'))
    if (session && session.length >= 1024) expect(session.encoding).toBe('br')
  })

  for (const locale of ['en', 'ja'] as const) {
    const text = TEXT[locale]

    it(`${locale}: on a 1280 px screen every section of the menu is in view, in its group`, async () => {
      const { page, context, consoleErrors } = await suite.newPage({
        viewport: { width: 1280, height: 800 },
        locale,
      })
      await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
      await page.goto(`${haven.baseUrl}/app/`)
      const nav = page.getByRole('navigation', { name: text.main })
      await nav.getByRole('list', { name: text.work }).waitFor()
      expect(await nav.getByRole('button', { name: new RegExp(text.menu) }).isVisible()).toBe(false)
      for (const group of [text.work, text.field, text.me])
        expect(await nav.getByRole('list', { name: group }).isVisible(), group).toBe(true)
      const links = nav.getByRole('link')
      expect(await links.count()).toBeGreaterThanOrEqual(8)
      // Nothing off-screen: each link lies inside the window, none needs a sideways scroll.
      for (const box of await links.evaluateAll((all) =>
        all.map((a) => {
          const r = a.getBoundingClientRect()
          return { text: a.textContent, left: r.left, right: r.right, width: r.width }
        }),
      )) {
        expect(box.width, box.text ?? '').toBeGreaterThan(0)
        expect(box.left, box.text ?? '').toBeGreaterThanOrEqual(0)
        expect(box.right, box.text ?? '').toBeLessThanOrEqual(1280)
      }
      await nav.getByRole('link', { name: text.cases, exact: true }).click()
      await page.waitForURL(/\/app\/cases$/)
      expect(
        await nav.getByRole('link', { name: text.cases, exact: true }).getAttribute('aria-current'),
      ).toBe('page')
      await expectAxeClean(page, `${locale} menu, 1280 px`)
      await page.screenshot({ path: `e2e/artifacts/issue-15-menu-${locale}-1280.png` })
      expect(consoleErrors).toEqual([])
    })

    it(`${locale}: on a 375 px phone the menu opens and closes by keyboard and shows every group`, async () => {
      const { page, context, consoleErrors } = await suite.newPage({
        viewport: { width: 375, height: 800 },
        locale,
      })
      await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
      await page.goto(`${haven.baseUrl}/app/`)
      const nav = page.getByRole('navigation', { name: text.main })
      const toggle = nav.getByRole('button', { name: new RegExp(text.menu) })
      await toggle.waitFor()
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      expect(await nav.getByRole('link', { name: text.cases, exact: true }).isVisible()).toBe(false)
      // Keyboard only: focus the button, Enter opens, Escape closes and gives the focus back.
      await toggle.focus()
      await page.keyboard.press('Enter')
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      for (const group of [text.work, text.field, text.me])
        expect(await nav.getByRole('list', { name: group }).isVisible(), group).toBe(true)
      await expectAxeClean(page, `${locale} menu open, 375 px`)
      await page.screenshot({ path: `e2e/artifacts/issue-15-menu-${locale}-375-open.png` })
      await page.keyboard.press('Tab')
      await page.keyboard.press('Escape')
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
      // Choosing a section closes the menu, and the button names where the person is.
      await page.keyboard.press('Space')
      await nav.getByRole('link', { name: text.cases, exact: true }).click()
      await page.waitForURL(/\/app\/cases$/)
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      expect(await toggle.textContent()).toContain(text.cases)
      const header = await page.getByRole('banner').boundingBox()
      expect(header?.height ?? 0).toBeLessThan(160)
      await expectAxeClean(page, `${locale} menu closed, 375 px`)
      await page.screenshot({ path: `e2e/artifacts/issue-15-menu-${locale}-375.png` })
      expect(consoleErrors).toEqual([])
    })
  }
})
