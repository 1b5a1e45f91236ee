import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/** Calls the staff API from the page, as the app does (same origin, the session's cookie). */
function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api/v1${p}`, {
        method: m as string,
        headers: { 'Content-Type': 'application/json' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      })
      return { status: res.status, ...(await res.json()) }
    },
    [method, path, body] as const,
  ) as Promise<T>
}

describeInBrowser('clothes and kits handed out, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: null },
      field: { role: 'field_worker', compartment: 'YAN-01' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a field worker hands out 500 winter clothes sets to a shelter headcount; the stock goes down', async () => {
    // The stock is bought by a coordinator (the Stock page is its own screen).
    const buyer = await suite.newPage()
    await signInContext(buyer.context, haven.baseUrl, staff.coordinator as StaffAccount)
    await buyer.page.goto(`${haven.baseUrl}/app/handouts`)
    await buyer.page.getByRole('heading', { level: 1 }).waitFor()
    const item = await callApi<{ id: string }>(buyer.page, 'POST', '/supplies/items', {
      name: 'Winter clothes set',
      kind: 'clothes_winter',
      unit: 'set',
    })
    const store = await callApi<{ id: string }>(buyer.page, 'POST', '/supplies/locations', {
      name: 'Yanji warehouse',
      kind: 'warehouse',
    })
    await callApi(buyer.page, 'POST', '/supplies/movements', {
      itemId: item.id,
      kind: 'purchase',
      toLocationId: store.id,
      quantity: 600,
      occurredOn: '2025-11-01',
      cost: '15000',
      currency: 'CNY',
    })
    await buyer.context.close()

    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 375, height: 800 },
    })
    await signInContext(context, haven.baseUrl, staff.field as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/handouts`)
    await page.getByRole('heading', { level: 1, name: 'Clothes and kits handed out' }).waitFor()
    await page.getByText('0 handouts').waitFor()
    await page.getByRole('button', { name: 'Hand out clothes or kits' }).click()
    await page.getByLabel('Shelter or programme').selectOption({ label: 'YAN-01' })
    await page.getByLabel('Quantity').fill('500')
    await page.getByRole('button', { name: 'Record the handout' }).click()
    await page.getByText('Give either a person’s code or a headcount, not both.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByLabel('People (headcount)').fill('250')
    await page.getByLabel('Day').fill('2025-12-10')
    await page.getByRole('button', { name: 'Record the handout' }).click()
    await page.getByText('500 × Winter clothes set recorded.').waitFor()
    await page.getByText('1 handout').waitFor()
    expect(await page.getByRole('cell', { name: '250 people' }).count()).toBe(1)
    expect(describeViolations(await axeViolations(page))).toBe('')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(wide).toBeLessThanOrEqual(375)
    await page.screenshot({ path: 'e2e/artifacts/handouts-en-375.png', fullPage: true })
    // The list's filters, kept in the URL: kind, a year or month, and whom it was given to.
    await page.getByLabel('Kind').selectOption({ label: 'First-aid kit' })
    await page.getByText('0 handouts').waitFor()
    await page.getByLabel('Kind').selectOption({ label: 'Clothes (winter set)' })
    await page.getByText('1 handout').waitFor()
    await page.getByLabel('Year or month').fill('2025-1')
    expect(await page.locator('#handouts-period-filter-error').textContent()).toContain('2025-06')
    await page.getByLabel('Year or month').fill('2025-11')
    await page.getByText('0 handouts').waitFor()
    await page.getByLabel('Year or month').fill('2025-12')
    await page.getByText('1 handout').waitFor()
    await page.getByLabel('Given to').selectOption({ label: 'A person' })
    await page.getByText('0 handouts').waitFor()
    await page.getByLabel('Given to').selectOption({ label: 'A shelter’s headcount' })
    await page.getByText('1 handout').waitFor()
    expect(new URL(page.url()).search).toBe('?kind=clothes_winter&period=2025-12&recipient=shelter')
    await page.reload()
    await page.getByText('1 handout').waitFor()
    expect(await page.getByLabel('Year or month').inputValue()).toBe('2025-12')
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(consoleErrors).toEqual([])

    // The 101st set is more than is left: refused, naming the shortfall.
    const more = await callApi<{ status: number; error: { code: string } }>(
      page,
      'POST',
      '/supplies/handouts',
      {
        itemId: item.id,
        fromLocationId: store.id,
        compartmentId: (
          await callApi<{ items: { compartmentId: string }[] }>(page, 'GET', '/supplies/handouts')
        ).items[0]?.compartmentId,
        headcount: 101,
        quantity: 101,
        occurredOn: '2025-12-11',
      },
    )
    expect([more.status, more.error.code]).toEqual([409, 'insufficient_stock'])

    const ja = await suite.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' })
    await signInContext(ja.context, haven.baseUrl, staff.field as StaffAccount)
    await ja.page.goto(`${haven.baseUrl}/app/handouts`)
    await ja.page.getByRole('heading', { level: 1, name: '衣類・キットの配布' }).waitFor()
    await ja.page.getByText('250名').waitFor()
    await ja.page.getByRole('button', { name: '衣類・キットを配布' }).click()
    await ja.page.getByLabel('人数').waitFor()
    expect(describeViolations(await axeViolations(ja.page))).toBe('')
    await ja.page.screenshot({ path: 'e2e/artifacts/handouts-ja-1280.png', fullPage: true })
    await ja.context.close()
  }, 150_000)
})
