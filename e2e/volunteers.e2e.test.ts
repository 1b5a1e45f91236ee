import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

describeInBrowser('volunteers and interns, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: 'VOLUNTEERS' },
    })
  }, 60_000)
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a coordinator records an intern who speaks Chinese and Korean, screens, assigns and logs hours', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/volunteers`)
    await page.getByRole('heading', { level: 1, name: 'Volunteers and interns' }).waitFor()
    await page.getByText('0 volunteers').waitFor()
    await page.getByRole('button', { name: 'Record an application' }).click()
    const form = page.locator('form')
    await form.getByLabel('Name').fill('Synthetic Intern')
    await form.getByLabel('Applied').fill('2026-01-15')
    await form.getByLabel('Email').fill('intern@example.org')
    await form.getByLabel('Languages').fill('zh fluent\nko conversational')
    await form.getByLabel('Skills').fill('interpreting, translation')
    await form.getByLabel('Sat').check()
    await form.getByRole('button', { name: 'Record an application' }).click()
    await page.getByRole('heading', { level: 1, name: 'Volunteer VOL-001' }).waitFor()
    await page.getByText('The application is recorded.').waitFor()
    expect(await page.getByText('Synthetic Intern').count()).toBe(1)
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const status of ['Screening', 'Active']) {
      await page.getByRole('button', { name: 'Change the status' }).click()
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: status })
      await page.getByRole('button', { name: 'Save the status' }).click()
      await page.locator('.volunteer-status', { hasText: status }).waitFor()
    }
    await page.getByRole('button', { name: 'Assign' }).click()
    await page.getByLabel('Assigned to').selectOption({ label: 'Class' })
    await page.getByLabel('What and where').fill('Korean class, Saturdays')
    await page.getByLabel('From').fill('2026-02-01')
    await page.getByRole('button', { name: 'Assign' }).click()
    await page.getByText('The assignment is recorded.').waitFor()
    await page.getByRole('button', { name: 'Log hours' }).click()
    await page.getByLabel('Day').fill('2026-02-07')
    await page.getByLabel('Hours', { exact: true }).fill('1.1')
    await page.getByRole('button', { name: 'Log hours' }).click()
    await page.getByText('Give hours in quarter hours').waitFor()
    await page.getByLabel('Hours', { exact: true }).fill('2.5')
    await page.getByLabel('For the assignment').selectOption({ label: 'Korean class, Saturdays' })
    await page.getByRole('button', { name: 'Log hours' }).click()
    await page.getByText('The hours are logged.').waitFor()
    // The message shows as the page reloads the volunteer: the total follows a moment later.
    await expect.poll(() => page.locator('.hours-total').textContent()).toBe('2.5')
    expect(describeViolations(await axeViolations(page))).toBe('')

    await page.goto(`${haven.baseUrl}/app/volunteers`)
    await page.getByLabel('Language', { exact: true }).selectOption('ko')
    await page.getByText('1 volunteer').waitFor()
    expect(page.url()).toContain('language=ko')
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'VOL-001' }) })
    expect(await row.textContent()).toContain('(fluent)')
    expect(await row.textContent()).not.toContain('Synthetic')
    await page.getByLabel('Language', { exact: true }).selectOption('ja')
    await page.getByText('0 volunteers').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const [locale, name, viewport] of [
      ['en', 'phone', { width: 375, height: 740 }],
      ['en', 'desktop', { width: 1280, height: 800 }],
      ['ja', 'phone', { width: 375, height: 740 }],
      ['ja', 'desktop', { width: 1280, height: 800 }],
    ] as const) {
      const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
      await signInContext(shot.context, haven.baseUrl, staff.coordinator as StaffAccount)
      await shot.page.goto(`${haven.baseUrl}/app/volunteers`)
      await shot.page.getByRole('rowheader', { name: 'VOL-001' }).waitFor()
      if (locale === 'ja') {
        await shot.page
          .getByText('中国語（流暢）')
          .or(shot.page.getByText('中国語 (流暢)'))
          .waitFor()
        expect(describeViolations(await axeViolations(shot.page)), 'ja list').toBe('')
      }
      await shot.page.screenshot({
        path: `e2e/artifacts/volunteers-${locale}-${name}.png`,
        fullPage: true,
      })
      await shot.page.getByRole('link', { name: 'VOL-001' }).click()
      await shot.page.locator('.hours-total').waitFor()
      if (locale === 'ja')
        expect(describeViolations(await axeViolations(shot.page)), 'ja page').toBe('')
      await shot.page.screenshot({
        path: `e2e/artifacts/volunteer-${locale}-${name}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 240_000)
})
