import { mkdirSync } from 'node:fs'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const today = () => new Date().toISOString().slice(0, 10)

async function post(api: APIRequestContext, base: string, path: string, data: unknown) {
  const res = await api.post(`${base}/api/v1${path}`, { data, headers: { Origin: base } })
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`)
  return res.json()
}

describeInBrowser('distributions under caps in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: 'YAN-01' },
      worker: { role: 'field_worker', compartment: 'YAN-01' },
      treasurer: { role: 'finance', compartment: 'YAN-01' },
    })
  }, 60_000)
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('records 20 a day, refuses the 21st with a reason, lets the coordinator override, shows the day at cap', async () => {
    const base = haven.baseUrl
    // Finance records the rate; the coordinator the policy (there is no policy screen yet: API).
    const finance = await suite.newPage()
    await signInContext(finance.context, base, staff.treasurer as StaffAccount)
    await post(finance.context.request, base, '/exchange-rates', {
      date: '2026-01-01',
      base: 'CNY',
      quote: 'JPY',
      rate: '15',
    })
    await finance.context.close()
    const coordinator = await suite.newPage()
    await signInContext(coordinator.context, base, staff.coordinator as StaffAccount)
    const compartments = (await (
      await coordinator.context.request.get(`${base}/api/v1/compartments`)
    ).json()) as { id: string; code: string }[]
    const yan = compartments.find((c) => c.code === 'YAN-01')
    await post(coordinator.context.request, base, '/allowance-policies', {
      compartmentId: yan?.id,
      validFrom: '2026-01-01',
      amount: '20',
      currency: 'CNY',
      buysGrams: 10_000,
      dailyCap: 20,
      monthlyCap: '180000',
      monthlyCapCurrency: 'JPY',
      rationGrams: 500,
    })

    const worker = await suite.newPage({ viewport: { width: 375, height: 740 } })
    await signInContext(worker.context, base, staff.worker as StaffAccount)
    const { page } = worker
    await page.goto(`${base}/app/distributions`)
    await page.locator('#dist-headcount').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    for (let n = 1; n <= 20; n += 1) {
      await page.locator('#dist-headcount').fill('1')
      await page.getByRole('button', { name: 'Record', exact: true }).click()
      await page
        .getByRole('status')
        .filter({ hasText: `${n} of 20 people` })
        .waitFor()
    }
    await page.getByRole('button', { name: 'Record', exact: true }).click()
    const refusal = page.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('The daily cap of 20 people is reached')
    expect(await page.locator('#dist-reason').count()).toBe(0) // not the worker's to override
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(worker.consoleErrors.filter((e) => !e.includes('409'))).toEqual([])
    await worker.context.close()

    const cp = coordinator.page
    await cp.goto(`${base}/app/distributions`)
    await cp.locator('#dist-headcount').fill('1')
    await cp.getByRole('button', { name: 'Record', exact: true }).click()
    await cp.locator('#dist-reason').waitFor()
    await cp.locator('#dist-reason').fill('A family arrived after dark; they could not wait.')
    await cp.getByRole('button', { name: 'Override and record' }).click()
    await cp.getByRole('status').filter({ hasText: '21 of 20 people' }).waitFor()
    expect(await cp.locator('table').textContent()).toContain('A family arrived after dark')

    await cp.goto(`${base}/app/dashboard`)
    await cp.locator('.facts-grid').waitFor()
    await cp.waitForLoadState('networkidle')
    const facts = (await cp.locator('.facts-grid').textContent()) ?? ''
    expect(facts).toContain('Days at the cap1')
    expect(facts).toContain('CN¥420.00') // 21 × 20 CNY
    expect(facts).toContain('¥6,300') // at 15 JPY per CNY
    expect(describeViolations(await axeViolations(cp))).toBe('')

    mkdirSync('e2e/artifacts', { recursive: true })
    for (const locale of ['en', 'ja'] as const) {
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, base, staff.coordinator as StaffAccount)
        await shot.page.goto(`${base}/app/dashboard`)
        await shot.page.locator('.facts-grid').waitFor()
        await shot.page.waitForLoadState('networkidle')
        if (locale === 'ja')
          expect(describeViolations(await axeViolations(shot.page)), 'ja dashboard').toBe('')
        await shot.page.screenshot({
          path: `e2e/artifacts/dashboard-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
    }
    await coordinator.context.close()
  }, 120_000)
})
