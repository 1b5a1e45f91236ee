import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import {
  administratorOf,
  createStaff,
  type StaffAccount,
  signInContext,
} from './support/staff-accounts.js'

describeInBrowser(
  'the disclosure policy and corrections of the annual report in Chromium',
  (suite) => {
    let haven: HavenUnderTest
    let staff: Record<string, StaffAccount>
    beforeAll(async () => {
      haven = await startHaven()
      staff = await createStaff(haven, {
        writer: { role: 'editor', compartment: null },
        first: { role: 'editor', compartment: null },
        second: { role: 'editor', compartment: null },
      })
      mkdirSync('e2e/artifacts', { recursive: true })
    })
    afterAll(async () => {
      expect(await haven?.server.stop()).toBe(0)
    })

    const axeClean = async (page: Page, what: string) =>
      expect(describeViolations(await axeViolations(page)), what).toBe('')

    const screenshots = async (page: Page, name: string) => {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `e2e/artifacts/${name}-${width}.png`, fullPage: true })
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${name} at ${width}px is wider than the window`,
        ).toBeLessThanOrEqual(width)
      }
    }

    it('an administrator edits the policy (refusals shown as messages); an editor reads it', async () => {
      const base = haven.baseUrl
      const admin = await suite.newPage()
      await signInContext(admin.context, base, administratorOf(haven))
      const page = admin.page
      await page.goto(`${base}/app`)
      await page.getByRole('link', { name: 'Disclosure policy' }).click()
      await page.getByRole('heading', { level: 1, name: 'Disclosure policy' }).waitFor()
      await page.getByText('The defaults apply').waitFor()
      const protectedK = page.getByRole('textbox', { name: /protected people shown as a number/ })
      expect(await protectedK.inputValue()).toBe('10')
      await axeClean(page, 'policy (en)')

      // Checked before sending: a rounding base of 1 and a word among the numbers.
      await page.getByRole('textbox', { name: /Round counts of people served/ }).fill('1')
      const numbers = page.getByRole('textbox', { name: 'Numbers never to publish' })
      await numbers.fill('17, twelve')
      await page.getByRole('button', { name: 'Save the policy' }).click()
      await page.getByText('“twelve” is not one').waitFor()
      expect(await numbers.getAttribute('aria-invalid')).toBe('true')

      // The engine cannot apply k = 40 (its words would be untrue): 422, shown, nothing saved.
      await page.getByRole('textbox', { name: /Round counts of people served/ }).fill('5')
      await numbers.fill('17, 23')
      await protectedK.fill('40')
      await page.getByRole('button', { name: 'Save the policy' }).click()
      await page
        .getByRole('alert')
        .getByText(/cannot apply this policy/)
        .waitFor()
      await protectedK.fill('10')
      await page.getByRole('button', { name: 'Save the policy' }).click()
      await page.getByRole('status').getByText('Saved.').waitFor()
      await page.getByText(/^Version 1, changed/).waitFor()
      await screenshots(page, 'report-policy-admin-en')

      // Someone else saved meanwhile: this form's save is stale (409), shown as a message.
      const other = await suite.newPage()
      await signInContext(other.context, base, administratorOf(haven))
      await other.page.goto(`${base}/app/disclosure-policy`)
      await other.page.getByRole('textbox', { name: 'Numbers never to publish' }).fill('17')
      await other.page.getByRole('button', { name: 'Save the policy' }).click()
      await other.page.getByRole('status').getByText('Saved.').waitFor()
      await other.context.close()
      await numbers.fill('17, 23, 31')
      await page.getByRole('button', { name: 'Save the policy' }).click()
      await page.getByRole('alert').waitFor()
      expect(await page.getByRole('alert').textContent()).toMatch(/changed|someone/i)

      // Replacing the rounding secret names the new version.
      await page.getByRole('button', { name: 'Replace the rounding secret' }).click()
      await page
        .getByRole('status')
        .getByText(/^Replaced/)
        .waitFor()
      await page.getByText(/^Version 2 \(public name/).waitFor()

      await page.getByRole('banner').getByRole('combobox').selectOption('ja')
      await page.getByRole('heading', { level: 1, name: '公開ポリシー' }).waitFor()
      await axeClean(page, 'policy (ja)')
      await screenshots(page, 'report-policy-admin-ja')
      await admin.context.close()

      // An editor reads the policy their reports apply, and cannot change it.
      const editor = await suite.newPage()
      await signInContext(editor.context, base, staff.writer as StaffAccount)
      await editor.page.goto(`${base}/app/reports`)
      await editor.page
        .getByRole('link', { name: 'The disclosure policy these reports follow' })
        .click()
      await editor.page.getByRole('heading', { level: 1, name: 'Disclosure policy' }).waitFor()
      await editor.page.getByText('Only administrators change this policy').waitFor()
      expect(await editor.page.locator('dl.report-policy').textContent()).toContain('17')
      expect(await editor.page.getByRole('button', { name: 'Save the policy' }).count()).toBe(0)
      await axeClean(editor.page, 'policy for an editor (en)')
      await screenshots(editor.page, 'report-policy-editor-en')
      await editor.context.close()
    }, 180_000)

    it('an editor starts a correction of a published year with its reason; it goes through review again', async () => {
      const base = haven.baseUrl
      const api = async (
        ctx: APIRequestContext,
        method: 'post' | 'get' | 'patch',
        path: string,
        data?: unknown,
      ) => {
        const res = await ctx.fetch(`${base}/api/v1${path}`, {
          method,
          headers: { Origin: base },
          ...(data === undefined ? {} : { data }),
        })
        expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true)
        return (await res.json()) as { version: number }
      }
      const pages: Record<string, Awaited<ReturnType<typeof suite.newPage>>> = {}
      for (const who of ['writer', 'first', 'second']) {
        pages[who] = await suite.newPage()
        await signInContext(pages[who].context, base, staff[who] as StaffAccount)
      }
      const writer = pages.writer as Awaited<ReturnType<typeof suite.newPage>>
      const req = (who: string) =>
        (pages[who] as { context: { request: APIRequestContext } }).context.request
      // FY2006, a text naming no figure, published through the API (report.e2e walks those screens).
      const created = await api(req('writer'), 'post', '/reports', { fiscalYear: 2006 })
      const edited = await api(req('writer'), 'patch', '/reports/2006', {
        version: created.version,
        templateEn: 'In FY{{year}} our volunteers ran the shelters.',
        templateJa: '{{year}}年度、ボランティアがシェルターを運営しました。',
      })
      const submitted = await api(req('writer'), 'post', '/reports/2006/submit', {
        version: edited.version,
      })
      await api(req('first'), 'post', '/reports/2006/approve', { version: submitted.version })
      await api(req('second'), 'post', '/reports/2006/approve', { version: submitted.version })
      await api(req('second'), 'post', '/reports/2006/publish', { version: submitted.version })

      const page = writer.page
      await page.goto(`${base}/app/reports/2006`)
      await page.getByRole('link', { name: 'On the website (English)' }).waitFor()
      await page.getByRole('button', { name: 'Correct this report' }).click()
      // A reason is needed.
      await page.getByRole('button', { name: 'Return it to draft for correction' }).click()
      expect(await page.getByLabel('Why it needs correcting').getAttribute('aria-invalid')).toBe(
        'true',
      )
      await page.getByLabel('Why it needs correcting').fill('A shelter opened in May was missed.')
      await axeClean(page, 'correction form (en)')
      await screenshots(page, 'report-correction-form-en')
      await page.getByRole('button', { name: 'Return it to draft for correction' }).click()
      await page
        .getByRole('status')
        .getByText(/^The correction is a draft/)
        .waitFor()
      await page.getByText('Correction 1: A shelter opened in May was missed.').waitFor()
      await page.getByRole('button', { name: 'Send to review' }).waitFor()
      // The website keeps the published text until the correction is published.
      const site = await req('writer').get(`${base}/en/reports/activity-report-fy2006`)
      expect(site.status()).toBe(200)

      await page.getByRole('banner').getByRole('combobox').selectOption('ja')
      await page.getByText('訂正1：A shelter opened in May was missed.').waitFor()
      await axeClean(page, 'correction draft (ja)')
      await screenshots(page, 'report-correction-draft-ja')
      for (const p of Object.values(pages)) await p.context.close()
    }, 180_000)
  },
)
