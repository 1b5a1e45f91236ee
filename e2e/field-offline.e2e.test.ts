import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, request } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const MARKER = 'ZQXMARKER7'
const PASSPHRASE = 'river stones at night'

/** Every file under a folder, as bytes (the Chromium profile: IndexedDB, private files, caches). */
function profileBytes(dir: string): Buffer[] {
  const out: (Buffer & { path?: string })[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      const st = statSync(full, { throwIfNoEntry: false })
      if (!st) continue
      if (st.isDirectory()) walk(full)
      else if (st.isFile()) out.push(Object.assign(readFileSync(full), { path: full }))
    }
  }
  walk(dir)
  return out
}
/** The files that hold `text` (UTF-8 or UTF-16), by path. */
const holding = (files: (Buffer & { path?: string })[], text: string) =>
  files
    .filter((b) => b.includes(Buffer.from(text)) || b.includes(Buffer.from(text, 'utf16le')))
    .map((b) => b.path ?? '?')
const holds = (files: Buffer[], text: string) => holding(files, text).length > 0

describeInBrowser('the offline field app in Chromium', () => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  const profiles: string[] = []
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: 'YAN-01' },
      worker: { role: 'caseworker', compartment: 'YAN-01' },
      treasurer: { role: 'finance', compartment: 'YAN-01' },
    })
    const base = haven.baseUrl
    for (const [who, path, data] of [
      [
        'treasurer',
        '/api/v1/exchange-rates',
        { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' },
      ],
      ['coordinator', '/api/v1/compartments', null],
    ] as const) {
      const ctx = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } })
      await signInContext({ request: ctx }, base, staff[who] as StaffAccount)
      if (data) expect((await ctx.post(path, { data })).status()).toBe(201)
      else {
        const compartments = (await (await ctx.get('/api/v1/compartments')).json()) as {
          id: string
          code: string
        }[]
        const yan = compartments.find((c) => c.code === 'YAN-01')
        const policy = await ctx.post('/api/v1/allowance-policies', {
          data: {
            compartmentId: yan?.id,
            validFrom: '2026-01-01',
            amount: '20',
            currency: 'CNY',
            buysGrams: 10000,
            dailyCap: 20,
            monthlyCap: '180000',
            monthlyCapCurrency: 'JPY',
            rationGrams: 500,
          },
        })
        expect(policy.status(), await policy.text()).toBe(201)
      }
      await ctx.dispose()
    }
  }, 120_000)
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
    for (const p of profiles) rmSync(p, { recursive: true, force: true })
  })

  async function phone(): Promise<{ context: BrowserContext; dir: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'haven-field-profile-'))
    profiles.push(dir)
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      viewport: { width: 375, height: 740 },
      locale: 'en-US',
    })
    return { context, dir }
  }

  it('records 21 distributions offline, syncs, flags the 21st for the coordinator; a panic wipe leaves no key and no marker', async () => {
    const base = haven.baseUrl
    const { context, dir } = await phone()
    await signInContext(context, base, staff.worker as StaffAccount)
    const page = await context.newPage()
    await page.goto(`${base}/app/field`)
    await page.locator('#device-name').fill('Field phone 1')
    await page.locator('#passphrase').fill(PASSPHRASE)
    await page.locator('#duress').fill('a different duress phrase')
    await page.getByRole('button', { name: 'Register and encrypt' }).click()
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor()

    await context.setOffline(true)
    await page.getByText('Offline').first().waitFor()
    await page.getByRole('button', { name: 'Distribution' }).click()
    for (let n = 1; n <= 21; n += 1) {
      if (n > 1) await page.getByRole('button', { name: 'Distribution' }).click()
      await page.locator('#f-day').fill('2026-06-14')
      await page.locator('#f-headcount').fill('1')
      await page.getByRole('button', { name: 'Save on this phone' }).click()
      await page
        .getByTestId('outbox-count')
        .filter({ hasText: `${n} waiting` })
        .waitFor()
    }
    // A person code typed offline: only ciphertext of it may reach the disk.
    await page.getByRole('button', { name: 'Distribution' }).click()
    await page.locator('#f-day').fill('2026-06-14')
    await page.locator('#f-person').fill(MARKER)
    await page.getByRole('button', { name: 'Save on this phone' }).click()
    await page.getByTestId('outbox-count').filter({ hasText: '22 waiting' }).waitFor()
    expect(holding(profileBytes(dir), MARKER)).toEqual([])

    await context.setOffline(false)
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page
      .getByText(/Synced:|Sync failed/)
      .first()
      .waitFor()
    expect(await page.locator('main').innerText()).toContain(
      'Synced: 20 recorded, 1 flagged, 0 conflicts',
    )
    // The marker's code is no registered person: refused, kept in the outbox with the reason.
    await page.getByTestId('outbox').getByText('person_not_in_compartment').waitFor()

    const coordinator = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    const cctx = await coordinator.newContext()
    await signInContext(cctx, base, staff.coordinator as StaffAccount)
    const cp = await cctx.newPage()
    await cp.goto(`${base}/app/field/review`)
    await cp.getByTestId('field-review').getByText('Past a cap (daily_cap_reached)').waitFor()
    await coordinator.close()

    const slots = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory()
      const file = await (await root.getFileHandle('k')).getFile()
      return JSON.parse(await file.text()) as { salt: string; slots: string[] }
    })
    expect(holds(profileBytes(dir), slots.slots[0] ?? 'none')).toBe(true)
    await page.getByRole('button', { name: 'Wipe this phone now' }).click()
    await page.getByRole('status').filter({ hasText: 'Wiped.' }).waitFor()
    await context.close()
    const files = profileBytes(dir)
    for (const slot of slots.slots) expect(holds(files, slot)).toBe(false)
    expect(holds(files, slots.salt)).toBe(false)
    expect(holds(files, MARKER)).toBe(false)
  }, 240_000)
})
