import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const SHIFT_JIS_CSV = readFileSync(
  new URL('../packages/server/test/fixtures/distributions-shift-jis.csv', import.meta.url),
)
const WORK = 'e2e/artifacts/import-records'

describeInBrowser('spreadsheet import of distributions, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, { lead: { role: 'coordinator', compartment: 'YAN-01' } })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a Shift_JIS CSV past the daily cap: the dry run names the row, the fixed file imports, a second import adds nothing', async () => {
    mkdirSync(WORK, { recursive: true })
    // A fourth row on 令和8年5月1日 again: 12 + 9 people is past the daily cap of 20.
    const over = join(WORK, 'haifu-over.csv')
    writeFileSync(over, Buffer.concat([SHIFT_JIS_CSV, Buffer.from('A-4,2026-05-01,9\r\n')]))
    const fixed = join(WORK, 'haifu.csv')
    writeFileSync(fixed, SHIFT_JIS_CSV)

    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.lead as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/exchange/import`)
    // The allowance policy the distributions are recorded under (as the allowances screen sets it).
    const status = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/compartments')).json()) as {
        id: string
        code: string
      }[]
      const res = await fetch('/api/v1/allowance-policies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          compartmentId: list.find((c) => c.code === 'YAN-01')?.id,
          validFrom: '2026-01-01',
          amount: '20',
          currency: 'CNY',
          buysGrams: 10000,
          dailyCap: 20,
          monthlyCap: '100000',
          monthlyCapCurrency: 'CNY',
          rationGrams: 500,
        }),
      })
      return res.status
    })
    expect([200, 201]).toContain(status)

    const check = async (file: string) => {
      await page.goto(`${haven.baseUrl}/app/exchange/import`)
      await page.getByLabel('What the sheet holds').selectOption('distributions')
      await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(file)
      await page.getByLabel('Record them in').selectOption({ label: 'YAN-01' })
      await page.getByLabel('Where the sheet comes from').fill('Yanji office')
      await page.getByRole('button', { name: 'Check the file' }).click()
      await page.getByRole('heading', { name: 'What the check found' }).waitFor()
    }

    await check(over)
    await page.getByText('4 rows: 3 ready to import, 0 imported before, 1 with problems').waitFor()
    const problems = page.getByRole('table').filter({ hasText: '1 row has a problem' })
    await problems.getByText('The daily cap of 20 people is reached').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0)

    for (const [locale, phrase] of [
      ['en', 'daily cap'],
      ['ja', '1 日の上限'],
    ] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.lead as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/exchange/import`)
        await shot.page.locator('#import-kind').selectOption('distributions')
        await shot.page.locator('#import-file').setInputFiles(over)
        await shot.page.locator('#import-compartment').selectOption({ label: 'YAN-01' })
        await shot.page.locator('#import-source').fill('Yanji office')
        await shot.page.locator('form button[type=submit]').click()
        await shot.page.getByText(phrase).first().waitFor()
        await shot.page.screenshot({
          path: `e2e/artifacts/import-distributions-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }

    await check(fixed)
    await page.getByText('3 rows: 3 ready to import, 0 imported before, 0 with problems').waitFor()
    await page.getByRole('button', { name: 'Import 3 rows' }).click()
    await page.getByText('3 rows imported; 0 rows imported before were skipped.').waitFor()

    await check(fixed)
    await page.getByText('3 rows: 0 ready to import, 3 imported before, 0 with problems').waitFor()
    await page.getByText('Every row was imported before; there is nothing new to import.').waitFor()
    await context.close()
  })
})
