import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/**
 * The audit screen shows a detail that is a code (a role granted) in the reader's words, not as
 * the code: "Caseworker" / "ケースワーカー", never "caseworker" in a details cell.
 */
describeInBrowser('the audit log shows codes in words, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    // Each grant createStaff makes is an audit entry whose details hold the role's code.
    staff = await createStaff(haven, {
      auditor: { role: 'auditor', compartment: null },
      caseworker: { role: 'caseworker', compartment: 'YAN-01' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('names a granted role in words in EN and JA, at 375 and 1280 px', async () => {
    for (const [locale, width, word] of [
      ['en', 375, 'Caseworker'],
      ['en', 1280, 'Caseworker'],
      ['ja', 375, 'ケースワーカー'],
      ['ja', 1280, 'ケースワーカー'],
    ] as const) {
      const shot = await suite.newPage({
        viewport: { width, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
      })
      await signInContext(shot.context, haven.baseUrl, staff.auditor as StaffAccount)
      const { page } = shot
      await page.goto(`${haven.baseUrl}/app/audit`)
      const details = page.locator('td.details')
      await details.first().waitFor()
      const texts = await details.allTextContents()
      expect(
        texts.some((t) => t.includes(word)),
        texts.join(' | '),
      ).toBe(true)
      expect(
        texts.some((t) => /\bcaseworker\b/.test(t)),
        texts.join(' | '),
      ).toBe(false)
      expect(describeViolations(await axeViolations(page)), `${locale} ${width}`).toBe('')
      await page.screenshot({
        path: `e2e/artifacts/audit-words-${locale}-${width}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 180_000)
})
