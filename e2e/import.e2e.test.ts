import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const SHIFT_JIS_CSV = new URL(
  '../packages/server/test/fixtures/people-shift-jis.csv',
  import.meta.url,
).pathname
const WORK = 'e2e/artifacts/import'
const HEADERS = ['ref', 'name_latin', 'name_hangul', 'birth', 'sex']

async function xlsx(name: string, rows: readonly (readonly ExcelJS.CellValue[])[]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('People')
  for (const row of rows) sheet.addRow([...row])
  mkdirSync(WORK, { recursive: true })
  const path = join(WORK, name)
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()))
  return path
}

describeInBrowser('spreadsheet import of people, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, { worker: { role: 'caseworker', compartment: 'YAN-01' } })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  const check = async (page: Page, file: string) => {
    await page.goto(`${haven.baseUrl}/app/exchange/import`)
    await page
      .getByRole('heading', { level: 1, name: 'Import people from a spreadsheet' })
      .waitFor()
    await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(file)
    await page.getByLabel('Register them in').selectOption({ label: 'YAN-01' })
    await page.getByLabel('Where the sheet comes from').fill('Yanji register')
    await page.getByRole('button', { name: 'Check the file' }).click()
    await page.getByRole('heading', { name: 'What the check found' }).waitFor()
  }

  it('a caseworker imports a Shift_JIS CSV, sees an XLSX’s errors by row, imports the fixed file, and a second import adds nothing', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.worker as StaffAccount)

    await check(page, SHIFT_JIS_CSV)
    await page.getByText('3 rows: 3 ready to import, 0 imported before, 0 with problems').waitFor()
    await page.getByRole('button', { name: 'Import 3 people' }).click()
    await page.getByText('3 people imported; 0 rows imported before were skipped.').waitFor()

    const broken = await xlsx('broken.xlsx', [
      HEADERS,
      ['1', 'Choe Sun', '최순', '1980-05-06', 'female'],
      ['2', 'Ri ミナ', '', '平成31年5月1日', 'female'],
      ['3', 'Han Gil', { formula: 'CONCAT("=","1")', result: '=1' }, 'R2.2.30', 'x'],
    ])
    await check(page, broken)
    await page.getByText('3 rows: 1 ready to import, 0 imported before, 2 with problems').waitFor()
    const problems = page.getByRole('table').filter({ hasText: '2 rows have problems' })
    expect(await problems.getByRole('row').count()).toBe(6)
    expect(await problems.textContent()).toContain('This column takes Latin letters only')
    expect(await problems.textContent()).toContain('That year is outside the era')
    expect(await problems.textContent()).toContain('This cell holds a formula')
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0)
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const [locale, phrase] of [
      ['en', 'This cell holds a formula'],
      ['ja', 'このセルは数式です'],
    ] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.worker as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/exchange/import`)
        await shot.page.locator('#import-file').setInputFiles(broken)
        await shot.page.locator('#import-compartment').selectOption({ label: 'YAN-01' })
        await shot.page.locator('#import-source').fill('Yanji register')
        await shot.page.locator('form button[type=submit]').click()
        await shot.page.getByText(phrase).waitFor()
        await shot.page.screenshot({
          path: `e2e/artifacts/import-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }

    const fixed = await xlsx('fixed.xlsx', [
      HEADERS,
      ['1', 'Choe Sun', '최순', '1980-05-06', 'female'],
      ['2', 'Ri Mina', '', '平成30年5月1日', 'female'],
      ['3', 'Han Gil', '한길', 'R2.2.29', 'male'],
    ])
    await check(page, fixed)
    await page.getByText('3 rows: 3 ready to import, 0 imported before, 0 with problems').waitFor()
    await page.getByRole('button', { name: 'Import 3 people' }).click()
    await page.getByText('3 people imported; 0 rows imported before were skipped.').waitFor()

    await check(page, fixed)
    await page.getByText('3 rows: 0 ready to import, 3 imported before, 0 with problems').waitFor()
    await page.getByText('Every row was imported before; there is nothing new to import.').waitFor()

    // Six people in all, found by the name a sheet gave (through the blind index).
    const found = await page.evaluate(async () => {
      const count = async (query: string) =>
        ((await (await fetch(`/api/v1/people?${query}`)).json()) as { people: unknown[] }).people
          .length
      return { all: await count('limit=50'), byName: await count('q=Ko%20Sunhi') }
    })
    expect(found).toEqual({ all: 6, byName: 1 })
    expect(consoleErrors).toEqual([])
  })
})
