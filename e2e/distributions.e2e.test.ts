import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

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
    // Finance records the rate and the coordinator the policy, each on the policies screen.
    const finance = await suite.newPage()
    await signInContext(finance.context, base, staff.treasurer as StaffAccount)
    await finance.page.goto(`${base}/app/allowances`)
    await finance.page.locator('#rate-rate').waitFor()
    await finance.page.locator('#rate-date').fill('2026-01-01')
    await finance.page.locator('#rate-rate').fill('15')
    await finance.page.locator('#rate-source').fill('bank notice')
    await finance.page.getByRole('button', { name: 'Record rate' }).click()
    await finance.page.getByRole('status').filter({ hasText: 'Rate recorded.' }).waitFor()
    expect(describeViolations(await axeViolations(finance.page))).toBe('')
    await finance.context.close()

    const coordinator = await suite.newPage()
    await signInContext(coordinator.context, base, staff.coordinator as StaffAccount)
    await coordinator.page.goto(`${base}/app/allowances`)
    await coordinator.page.locator('#pol-validFrom').waitFor()
    await coordinator.page.locator('#pol-validFrom').fill('2026-01-01')
    await coordinator.page.getByRole('button', { name: 'Create policy' }).click()
    await coordinator.page.getByRole('status').filter({ hasText: 'Policy created.' }).waitFor()
    await coordinator.page.getByRole('cell', { name: /¥180,000 a month/ }).waitFor()
    expect(describeViolations(await axeViolations(coordinator.page))).toBe('')
    // The same period again is refused, naming the clash.
    await coordinator.page.getByRole('button', { name: 'Create policy' }).click()
    expect(await coordinator.page.getByRole('alert').first().textContent()).toContain(
      'may not overlap',
    )

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

    // Stock: an item, a warehouse, a purchase; a transfer larger than the stock names the shortfall.
    await cp.goto(`${base}/app/supplies`)
    await cp.locator('#item-name').fill('rice')
    await cp.getByRole('button', { name: 'Add item' }).click()
    await cp.locator('#loc-name').fill('Yanji warehouse')
    await cp.getByRole('button', { name: 'Add location' }).click()
    await cp.locator('#mv-quantity').waitFor()
    await cp.locator('#mv-quantity').fill('120')
    await cp.locator('#mv-cost').fill('480')
    await cp.getByRole('button', { name: 'Record movement' }).click()
    await cp.getByRole('cell', { name: '120 kg · CN¥480.00' }).waitFor()
    await cp.locator('#mv-kind').selectOption('transfer')
    await cp.locator('#mv-from').selectOption({ label: 'Yanji warehouse' })
    await cp.locator('#mv-to').selectOption({ label: 'Yanji warehouse' })
    await cp.locator('#mv-quantity').fill('200')
    await cp.getByRole('button', { name: 'Record movement' }).click()
    await cp
      .getByRole('alert')
      .filter({ hasText: 'Only 120 kg of rice at Yanji warehouse; 200 kg asked.' })
      .waitFor()
    expect(describeViolations(await axeViolations(cp))).toBe('')

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
        for (const other of ['supplies', 'allowances', 'distributions']) {
          await shot.page.goto(`${base}/app/${other}`)
          await shot.page.locator('h1').waitFor()
          await shot.page.waitForLoadState('networkidle')
          await shot.page.screenshot({
            path: `e2e/artifacts/${other}-${locale}-${name}.png`,
            fullPage: true,
          })
        }
        await shot.context.close()
      }
    }
    await coordinator.context.close()
  }, 120_000)
})
