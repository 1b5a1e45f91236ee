import { mkdirSync } from 'node:fs'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/**
 * The scenario: finance records a donation and a purchase in yuan, closes March, and
 * reads the year's budget against actuals in Japanese with the food cost in yen and dollars.
 * The fiscal year is the one that ended last March (2025: April 2025 – March 2026).
 */
describeInBrowser('finance in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      treasurer: { role: 'finance', compartment: 'YAN-01' },
    })
  }, 60_000)
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  async function call(request: APIRequestContext, method: string, path: string, data: unknown) {
    const res = await request.fetch(`${haven.baseUrl}/api/v1${path}`, {
      method,
      data,
      headers: { Origin: haven.baseUrl },
    })
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300)
    return res.json()
  }

  it('records a donation and a purchase in yuan, closes March, shows the year in Japanese', async () => {
    const base = haven.baseUrl
    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 1280, height: 800 },
    })
    await signInContext(context, base, staff.treasurer as StaffAccount)
    const api = (method: string, path: string, data?: unknown) =>
      call(context.request, method, path, data)
    // Rates and the food budget, as finance keeps them (their own screens are tested elsewhere).
    await api('POST', '/exchange-rates', {
      date: '2026-03-01',
      base: 'CNY',
      quote: 'JPY',
      rate: '15',
    })
    await api('POST', '/exchange-rates', {
      date: '2026-03-31',
      base: 'USD',
      quote: 'JPY',
      rate: '117',
    })
    await api('POST', '/exchange-rates', {
      date: '2026-03-01',
      base: 'USD',
      quote: 'JPY',
      rate: '118',
    })
    await api('POST', '/exchange-rates', {
      date: '2026-03-31',
      base: 'CNY',
      quote: 'JPY',
      rate: '16',
    })
    // A dollar rate before the year begins: the budget in dollars takes each month-end's rate.
    await api('POST', '/exchange-rates', {
      date: '2025-04-01',
      base: 'USD',
      quote: 'JPY',
      rate: '120',
    })
    await api('PUT', '/finance/budgets/2025/food', { total: '2160000' })
    // The purchase in yuan is a supplies record: the books get it without typing it again.
    const item = await api('POST', '/supplies/items', { name: 'Rice', kind: 'rice', unit: 'kg' })
    const store = await api('POST', '/supplies/locations', {
      name: 'Yanji store',
      kind: 'warehouse',
    })
    await api('POST', '/supplies/movements', {
      itemId: item.id,
      kind: 'purchase',
      toLocationId: store.id,
      quantity: 200,
      occurredOn: '2026-03-12',
      cost: '400',
      currency: 'CNY',
    })

    await page.goto(`${base}/app/finance?fy=2025`)
    await page.locator('.facts-grid').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    // The donation, typed by finance.
    await page.getByText('Record income or an expense').click()
    await page.locator('#entry-on').fill('2026-03-10')
    await page.locator('#entry-amount').fill('500000')
    await page.locator('#entry-memo').fill('Donation at the March meeting')
    await page.getByRole('button', { name: 'Record', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Recorded in the books.' }).waitFor()
    // Too many decimals for yen: refused, named.
    await page.locator('#entry-amount').fill('10.5')
    await page.getByRole('button', { name: 'Record', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'JPY has 0 decimal places' }).waitFor()

    // The yuan paid out (400 owed by the China cash) are worth 6,400 yen at the month-end rate.
    await page.getByText('Revalue foreign cash at a month’s end').click()
    await page.locator('#revalue-month').fill('2026-03')
    await page.getByRole('button', { name: 'Revalue', exact: true }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'Foreign cash at the end of 2026-03 revalued by -¥400.' })
      .waitFor()

    await page.getByText('Close a month').click()
    await page.locator('#close-month').fill('2026-03')
    await page.getByRole('button', { name: 'Close the month' }).click()
    await page.getByRole('status').filter({ hasText: '2026-03 is closed.' }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    // Closed: a March entry is refused with what to do instead.
    await page.locator('#entry-on').fill('2026-03-20')
    await page.locator('#entry-amount').fill('1000')
    await page.getByRole('button', { name: 'Record', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: '2026-03 is closed' }).waitFor()

    await page.reload()
    await page.locator('.facts-grid').waitFor()
    const facts = (await page.locator('.facts-grid').textContent()) ?? ''
    // Income: the donation less the unrealised exchange loss of the revaluation.
    expect(facts).toContain('¥499,600')
    expect(facts).toContain('¥6,000') // 400 yuan at 15
    expect(facts).toContain('$51.28 at 1 USD = 117 JPY (2026-03-31)')
    // The statement in dollars: each day at its own rate (118 in March, 117 on the 31st).
    await page.locator('#fin-currency').selectOption('USD')
    await page.waitForURL(/currency=USD/)
    await page.locator('.facts-grid').filter({ hasText: '$4,233.87' }).waitFor()
    const dollars = (await page.locator('.facts-grid').textContent()) ?? ''
    expect(dollars).toContain('$50.85') // 6,000 yen at 118
    expect(dollars).toContain('Converted at 2 dated rates')
    // The budget in dollars: April to February at 120 (1,500 a month), March at 117.
    const budget = (await page.locator('#fin-bva').locator('..').textContent()) ?? ''
    expect(budget).toContain('$18,038.46')
    expect(budget).toContain('budgets at each month’s month-end rate')
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(consoleErrors.filter((e) => !/409|422/.test(e))).toEqual([])
    await context.close()

    mkdirSync('e2e/artifacts', { recursive: true })
    for (const locale of ['ja', 'en'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, base, staff.treasurer as StaffAccount)
        await shot.page.goto(`${base}/app/finance?fy=2025`)
        await shot.page.locator('.facts-grid').waitFor()
        await shot.page.waitForLoadState('networkidle')
        if (locale === 'ja') {
          const chart = shot.page.locator('figure.chart')
          expect(await chart.locator('figcaption').textContent()).toBe(
            '2025年度 月別の予算と実績（円）',
          )
          expect(await chart.locator('svg rect').count()).toBe(24)
          const ja = (await shot.page.locator('.facts-grid').textContent()) ?? ''
          expect(ja).toContain('食料支援費')
          expect(ja).toMatch(/[¥￥]6,000/)
          expect(ja).toContain('1 USD = 117 円')
          const table = (await shot.page.locator('table').first().textContent()) ?? ''
          expect(table).toContain('食料支援')
          expect(describeViolations(await axeViolations(shot.page)), 'ja finance').toBe('')
        }
        await shot.page.screenshot({
          path: `e2e/artifacts/finance-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
  }, 180_000)

  it('lists the chart of accounts by kind (filter in the URL) and adds one from the form', async () => {
    const base = haven.baseUrl
    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 1280, height: 800 },
    })
    await signInContext(context, base, staff.treasurer as StaffAccount)
    await page.goto(`${base}/app/finance/accounts?kind=income`)
    await page.locator('table').waitFor()
    expect(await page.locator('thead th').allTextContents()).toEqual([
      'Code',
      'Name',
      'Kind',
      'Currency',
      'Where it is held',
    ])
    await page.getByText('6 accounts').waitFor()
    expect(await page.locator('tbody th').allTextContents()).toEqual([
      '4100',
      '4200',
      '4300',
      '4400',
      '4900',
      '4950',
    ])
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByText('Add an account', { exact: true }).first().click()
    await page.locator('#account-code').fill('4600')
    await page.locator('#account-kind').selectOption('income')
    await page.locator('#account-name-en').fill('Charity bazaar')
    await page.locator('#account-name-ja').fill('チャリティーバザー')
    await page.getByRole('button', { name: 'Add an account' }).click()
    await page.getByRole('status').filter({ hasText: 'Account 4600 added.' }).waitFor()
    await page.getByText('7 accounts').waitFor()
    // The same code again: refused, nothing added.
    await page.locator('#account-code').fill('4600')
    await page.locator('#account-name-en').fill('Again')
    await page.locator('#account-name-ja').fill('再び')
    await page.getByRole('button', { name: 'Add an account' }).click()
    await page.getByRole('alert').waitFor()
    expect(await page.locator('tbody th').count()).toBe(7)
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(consoleErrors.filter((e) => !/409|422/.test(e))).toEqual([])
    await context.close()

    for (const locale of ['ja', 'en'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, base, staff.treasurer as StaffAccount)
        await shot.page.goto(`${base}/app/finance/accounts`)
        await shot.page.locator('table').waitFor()
        if (locale === 'ja') {
          await shot.page.getByText('22 科目').waitFor()
          expect(describeViolations(await axeViolations(shot.page)), 'ja accounts').toBe('')
        }
        await shot.page.screenshot({
          path: `e2e/artifacts/finance-accounts-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
  }, 120_000)

  it('sets a budget month by month, reverses an entry from the journal, issues and lists a receipt', async () => {
    const base = haven.baseUrl
    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 1280, height: 800 },
    })
    await signInContext(context, base, staff.treasurer as StaffAccount)
    const api = (method: string, path: string, data?: unknown) =>
      call(context.request, method, path, data)
    await api('POST', '/finance/entries', {
      on: '2026-05-10',
      direction: 'in',
      amount: '30000',
      currency: 'JPY',
      programme: 'administration',
      account: '4100',
      memo: 'Gift from a supporter',
    })
    await api('POST', '/finance/entries', {
      on: '2026-05-11',
      direction: 'out',
      amount: '1200',
      currency: 'JPY',
      programme: 'food',
      memo: 'Rice bought in Tokyo',
    })

    // The journal, typed entries only (the filter is in the URL).
    await page.goto(`${base}/app/finance/journal?fy=2026&kind=manual`)
    await page.getByText('2 entries').waitFor()
    expect(await page.locator('thead th').allTextContents()).toEqual([
      'Date',
      'Description',
      'Kind',
      'Lines (account, amount)',
      'In yen',
      'Next',
    ])
    expect(describeViolations(await axeViolations(page))).toBe('')
    const rice = page.locator('tr', { hasText: 'Rice bought in Tokyo' })
    await rice.locator('summary', { hasText: 'Reverse this entry' }).click()
    await rice.getByLabel('Why it is reversed').fill('Paid by a volunteer, not by us')
    await rice.getByRole('button', { name: 'Reverse this entry' }).click()
    await page.getByRole('status').filter({ hasText: 'The reversing entry is posted.' }).waitFor()
    await page.locator('#journal-kind').selectOption('')
    await page.waitForURL((url) => !url.search.includes('kind='))
    await page.getByText('3 entries').waitFor()
    await page
      .locator('tr', { hasText: 'Rice bought in Tokyo' })
      .first()
      .getByText('(reversed)')
      .waitFor()

    // The gift gets the year's first receipt.
    const gift = page.locator('tr', { hasText: 'Gift from a supporter' })
    await gift.locator('summary', { hasText: 'Issue a receipt' }).click()
    await gift.getByLabel('Donor (code)').fill('D-100')
    await gift.getByLabel('Donor’s name and address').fill('Suzuki Ichiro, Kyoto')
    await gift.getByRole('button', { name: 'Issue a receipt' }).click()
    await page.getByRole('status').filter({ hasText: 'Receipt issued' }).waitFor()
    await gift.getByRole('link', { name: 'Receipt 2026-0001 (PDF)' }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    await page.goto(`${base}/app/finance/receipts?fy=2026`)
    await page.getByText('1 receipt, numbered without gaps').waitFor()
    expect(await page.locator('tbody th').allTextContents()).toEqual(['2026-0001'])
    // The treasurer works for YAN-01 only: the name stays sealed, and the list says so.
    await page.getByText('Withheld from your PDF').waitFor()
    await page.getByText('your PDF names the donor by code').waitFor()
    const href = await page.getByRole('link', { name: 'Download (PDF)' }).getAttribute('href')
    const pdf = await context.request.get(`${base}${href}`)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The food budget, phased month by month: 180,000 yen each, the allowance cap.
    await page.goto(`${base}/app/finance/budgets?fy=2026`)
    await page.getByText('Set or change a budget').click()
    await page.locator('#budget-programme').selectOption('food')
    await page.locator('#budget-mode').selectOption('months')
    for (let i = 0; i < 12; i++) await page.locator(`#budget-month-${i}`).fill('180000')
    await page.locator('#budget-month-3').fill('180000.5')
    await page.getByRole('button', { name: 'Save the budget' }).click()
    await page.getByRole('alert').waitFor()
    await page.locator('#budget-month-3').fill('180000')
    await page.getByRole('button', { name: 'Save the budget' }).click()
    await page.getByRole('status').filter({ hasText: 'Budget for Food saved.' }).waitFor()
    await page.getByText('1 programme budgeted, ¥2,160,000 in all').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(consoleErrors.filter((e) => !/409|422/.test(e))).toEqual([])
    await context.close()

    for (const locale of ['ja', 'en'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const)
        for (const screen of ['journal', 'receipts', 'budgets'] as const) {
          const shot = await suite.newPage({
            viewport,
            locale: locale === 'ja' ? 'ja-JP' : 'en-US',
          })
          await signInContext(shot.context, base, staff.treasurer as StaffAccount)
          await shot.page.goto(`${base}/app/finance/${screen}?fy=2026`)
          await shot.page.locator('table').waitFor()
          if (locale === 'ja') {
            if (screen === 'budgets') await shot.page.getByText('予算のある事業 1件').waitFor()
            if (screen === 'journal') await shot.page.getByText('3件の仕訳').waitFor()
            expect(describeViolations(await axeViolations(shot.page)), `ja ${screen}`).toBe('')
          }
          await shot.page.screenshot({
            path: `e2e/artifacts/finance-${screen}-${locale}-${name}.png`,
            fullPage: true,
          })
          await shot.context.close()
        }
  }, 180_000)

  it('shows cash and the trial balance on a day, in yen or dollars from the URL, with the rates used', async () => {
    const base = haven.baseUrl
    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 1280, height: 800 },
    })
    await signInContext(context, base, staff.treasurer as StaffAccount)
    // March 2026 from the first test: the donation in yen, 400 yuan paid out in China.
    await page.goto(`${base}/app/finance/position?asOf=2026-03-31`)
    await page.locator('#fin-cash').waitFor()
    await page.locator('#fin-trial').waitFor()
    const cash = page.locator('section', { has: page.locator('#fin-cash') })
    expect(await cash.locator('thead th').allTextContents()).toEqual([
      'Account',
      'Where it is held',
      'Amount',
      'Value in JPY',
    ])
    await cash.getByText('2 holdings of cash').waitFor()
    const cashText = (await cash.textContent()) ?? ''
    expect(cashText).toContain('¥500,000')
    expect(cashText).toContain('¥6,400') // -400 yuan at the day's 16
    const trial = page.locator('section', { has: page.locator('#fin-trial') })
    expect(await trial.locator('thead th').allTextContents()).toEqual([
      'Account',
      'Balance',
      'Value in JPY',
    ])
    const totals = await trial.locator('tfoot tr').allTextContents()
    expect(totals).toContain('Total in JPY¥0')
    expect(totals.at(-1)).toBe('Total value¥0')
    const rates = page.locator('section', { has: page.locator('#fin-rates') })
    expect(await rates.locator('tbody tr').allTextContents()).toEqual([
      'Cash in CNYMarch 31, 20261 CNY = 16 JPY',
    ])
    expect(describeViolations(await axeViolations(page))).toBe('')

    // In dollars: the day's 117 yen to the dollar, named for the trial balance's values.
    await page.locator('#position-currency').selectOption('USD')
    await page.waitForURL(/currency=USD/)
    await cash.getByText('$4,273.50').waitFor()
    expect(await cash.locator('thead th').last().textContent()).toBe('Value in USD')
    await rates.getByText('Trial balance values').waitFor()
    const dollarRates = await rates.locator('tbody tr').allTextContents()
    expect(dollarRates).toContain('Trial balance valuesMarch 31, 20261 JPY = 0.0085470085 USD')
    expect(dollarRates.some((r) => r.startsWith('Cash in CNYMarch 31, 20261 CNY = 0.13675'))).toBe(
      true,
    )
    await trial.getByText('each row is rounded to the cent').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Another day, typed: the dollar rate of March 1 (118) applies on the 15th.
    await page.locator('#position-as-of').fill('2026-03-15')
    await page.waitForURL(/asOf=2026-03-15/)
    expect(page.url()).toContain('currency=USD')
    await rates
      .locator('tr', { hasText: 'Trial balance values' })
      .getByText('1 JPY = 0.0084745763 USD')
      .waitFor()
    expect(consoleErrors).toEqual([])
    await context.close()

    mkdirSync('e2e/artifacts', { recursive: true })
    for (const locale of ['ja', 'en'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, base, staff.treasurer as StaffAccount)
        await shot.page.goto(`${base}/app/finance/position?asOf=2026-03-31&currency=USD`)
        await shot.page.locator('#fin-rates').waitFor()
        await shot.page.locator('#fin-trial').waitFor()
        if (locale === 'ja') {
          await shot.page.getByText('現金の保有 2件').waitFor()
          await shot.page.getByText('試算表の換算額').waitFor()
          expect(describeViolations(await axeViolations(shot.page)), 'ja position').toBe('')
        }
        await shot.page.screenshot({
          path: `e2e/artifacts/finance-position-${locale}-${name}.png`,
          fullPage: true,
        })
        // The budget's rates in dollars, opened, on the year's page.
        await shot.page.goto(`${base}/app/finance?fy=2025&currency=USD`)
        await shot.page.locator('.facts-grid').waitFor()
        const used = shot.page.locator('#fin-bva').locator('..').locator('details').first()
        await used.locator('summary').click()
        await used.locator('table').waitFor()
        if (locale === 'en') {
          expect(await used.locator('summary').textContent()).toContain(
            'Actuals converted at 1 dated rate (each day',
          )
          const rows = await used.locator('tbody tr').allTextContents()
          expect(rows[0]).toBe('ActualsMarch 1, 20261 JPY = 0.0084745763 USD')
          expect(rows[1]).toBe('Budget April 2025April 1, 20251 JPY = 0.0083333333 USD')
        }
        if (locale === 'ja') expect(describeViolations(await axeViolations(shot.page))).toBe('')
        await used.screenshot({ path: `e2e/artifacts/finance-bva-rates-${locale}-${name}.png` })
        await shot.context.close()
      }
  }, 180_000)
})
