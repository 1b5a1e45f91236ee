import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'

/** The site's volunteer form, with no script: levels per language, skills, days and hours. */
describeInBrowser('the site’s volunteer form, in Chromium', (suite) => {
  let haven: HavenUnderTest
  beforeAll(async () => {
    haven = await startHaven()
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('asks levels, skills, days and hours in EN and JA at 375 and 1280 px (the page has no script)', async () => {
    for (const [locale, width, level] of [
      ['en', 375, 'Conversational'],
      ['en', 1280, 'Conversational'],
      ['ja', 375, '日常会話'],
      ['ja', 1280, '日常会話'],
    ] as const) {
      const shot = await suite.newPage({
        viewport: { width, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
      })
      const { page } = shot
      await page.goto(`${haven.baseUrl}/${locale}/get-involved`)
      await page.locator('select[name="level_zh"]').waitFor()
      expect(await page.locator('select[name="level_zh"]').textContent()).toContain(level)
      expect(await page.locator('input[name="skillAreas"]').count()).toBe(8)
      expect(await page.locator('input[name="availableDays"]').count()).toBe(7)
      expect(describeViolations(await axeViolations(page)), `${locale} ${width}`).toBe('')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.screenshot({
        path: `e2e/artifacts/volunteer-form-${locale}-${width}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 180_000)
})
