import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page, request } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import {
  administratorOf,
  createStaff,
  E2E_PASSWORD,
  type StaffAccount,
  signInContext,
} from './support/staff-accounts.js'

const MARKER = 'ZQXMARKER7'
/** Typed offline into a shelter log note and a registration's name: never on disk in the clear. */
const NOTE_MARKER = 'ZQXNOTEMARK4'
const NAME_MARKER = 'Zqxnamemark'
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
  const browsers: Browser[] = []
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
    for (const b of browsers) await b.close()
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

  /** With FIELD_SHOTS=<folder>: the page at 375 and 1280 px wide, to look at. */
  async function shots(page: Page, name: string) {
    const folder = process.env.FIELD_SHOTS
    if (!folder) return
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: join(folder, `${name}-${width}.png`), fullPage: true })
    }
    await page.setViewportSize({ width: 375, height: 740 })
  }

  /**
   * With FIELD_SHOTS: the page in Japanese too (the app reloads; `reopen` unlocks the phone
   * again), then back in English.
   */
  async function shotsInJapanese(page: Page, name: string, reopen: () => Promise<void>) {
    if (!process.env.FIELD_SHOTS) return
    for (const lang of ['ja', 'en']) {
      await page.evaluate((l) => localStorage.setItem('haven.locale', l), lang)
      await page.reload()
      await page.locator('h1').waitFor()
      await reopen()
      if (lang === 'ja') {
        await shots(page, `${name}-ja`)
        if (await page.locator('#unlock-passphrase').count()) continue
        const register = page.getByRole('button', { name: '人の登録' })
        if (await register.count()) {
          await register.click()
          await shots(page, `${name}-ja-register`)
          await register.click()
        }
      }
    }
  }

  /** The key slots and salt the phone keeps (its origin-private file `k`). */
  const keySlots = (page: Page) =>
    page.evaluate(async () => {
      const root = await navigator.storage.getDirectory()
      const file = await (await root.getFileHandle('k')).getFile()
      return JSON.parse(await file.text()) as { salt: string; slots: string[] }
    })

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
    await page
      .getByTestId('outbox')
      .getByText('Refused: nobody with that person code is registered there')
      .waitFor()
    expect(await page.getByTestId('outbox').innerText()).not.toContain('person_not_in_compartment')
    await shots(page, 'field-refused')
    await shotsInJapanese(page, 'field-refused', async () => {
      await page.locator('#unlock-passphrase').fill(PASSPHRASE)
      await page.locator('#unlock-passphrase').press('Enter')
      await page.getByTestId('outbox').waitFor()
    })
    if (process.env.FIELD_SHOTS)
      await page.getByTestId('outbox').getByText('Refused: nobody with that person code').waitFor()

    const coordinator = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    const cctx = await coordinator.newContext()
    await signInContext(cctx, base, staff.coordinator as StaffAccount)
    const cp = await cctx.newPage()
    await cp.goto(`${base}/app/field/review`)
    await cp
      .getByTestId('field-review')
      .getByText('Past a cap: the day’s cap was reached')
      .waitFor()
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

  it('a shelter log and a registration made offline sync later; a revoked grant leaves the screen; a remote revocation wipes the phone', async () => {
    const base = haven.baseUrl
    const asAdmin = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } })
    await signInContext({ request: asAdmin }, base, administratorOf(haven))
    const ok = async <T>(res: Awaited<ReturnType<typeof asAdmin.post>>): Promise<T> => {
      expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true)
      return (await res.json()) as T
    }
    // A second shelter, YAN-02, where the worker is granted a caseworker's role for a while.
    const shelter = await ok<{ id: string }>(
      await asAdmin.post('/api/v1/shelters', {
        data: {
          code: 'YAN-02',
          region: 'Yanbian',
          capacity: 20,
          fundingStatus: 'funded',
          openedOn: '2026-01-01',
        },
      }),
    )
    const { context, dir } = await phone()
    await signInContext(context, base, staff.worker as StaffAccount)
    const api = context.request
    const me = await ok<{ user: { id: string } }>(await api.get(`${base}/api/v1/auth/session`))
    const grant = await ok<{ id: string }>(
      await asAdmin.post('/api/v1/grants', {
        data: { userId: me.user.id, role: 'caseworker', compartmentId: shelter.id },
      }),
    )
    // Someone in YAN-02 the phone will hold, and someone in YAN-01 (registered by the
    // coordinator) the worker is about to meet again and register a second time.
    const resident = await ok<{ code: string }>(
      await api.post(`${base}/api/v1/people`, {
        headers: { Origin: base },
        data: { compartmentId: shelter.id, attributes: { situation: 'in_shelter' } },
      }),
    )
    const asCoordinator = await request.newContext({
      baseURL: base,
      extraHTTPHeaders: { Origin: base },
    })
    await signInContext({ request: asCoordinator }, base, staff.coordinator as StaffAccount)
    const compartments = await ok<{ id: string; code: string }[]>(
      await asCoordinator.get('/api/v1/compartments'),
    )
    const yan = compartments.find((c) => c.code === 'YAN-01')?.id ?? ''
    const registered = await ok<{ code: string }>(
      await asCoordinator.post('/api/v1/people', {
        data: {
          compartmentId: yan,
          identity: {
            names: [{ script: 'latin', value: NAME_MARKER }],
            birth: { precision: 'year', date: '1990' },
            phones: [],
          },
        },
      }),
    )

    const page = await context.newPage()
    await page.goto(`${base}/app/field`)
    await page.locator('#device-name').fill('Field phone 2')
    await page.locator('#passphrase').fill(PASSPHRASE)
    await page.locator('#duress').fill('a different duress phrase')
    await page.getByRole('button', { name: 'Register and encrypt' }).click()
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor()
    const people = page.getByTestId('people')
    await people.getByRole('rowheader', { name: resident.code }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Offline: a shelter log entry in YAN-02, and a person registered in YAN-01.
    await context.setOffline(true)
    await page.getByText('Offline').first().waitFor()
    await page.getByRole('button', { name: 'Shelter log' }).click()
    await page.locator('#f-shelter').selectOption({ label: 'YAN-02' })
    await page.locator('#f-day').fill('2026-06-14')
    await page.locator('#f-note').fill(`Water pump fixed ${NOTE_MARKER}`)
    await page.getByRole('button', { name: 'Save on this phone' }).click()
    await page.getByTestId('outbox-count').filter({ hasText: '1 waiting' }).waitFor()
    await page.getByRole('button', { name: 'Register a person' }).click()
    await page.locator('#f-where').selectOption({ label: 'YAN-01' })
    await page.locator('#f-name').fill(NAME_MARKER)
    await page.locator('#f-script').selectOption('latin')
    await page.locator('#f-year').fill('1990')
    await page.locator('#f-situation').selectOption('in_transit')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await shots(page, 'field-register-offline')
    await page.getByRole('button', { name: 'Save on this phone' }).click()
    await page.getByTestId('outbox-count').filter({ hasText: '2 waiting' }).waitFor()
    const typed = profileBytes(dir)
    expect(holding(typed, NOTE_MARKER)).toEqual([])
    expect(holding(typed, NAME_MARKER)).toEqual([])

    await context.setOffline(false)
    await page.getByText('Online').first().waitFor()
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page
      .getByText(/Synced:|Sync failed/)
      .first()
      .waitFor()
    // The log entry is recorded; the registration matches someone registered (name and birth
    // year), so it waits for the coordinator instead of making a second record.
    expect(await page.locator('main').innerText()).toContain(
      'Synced: 1 recorded, 0 flagged, 1 conflict',
    )
    await shots(page, 'field-synced')
    await shotsInJapanese(page, 'field-synced', async () => {
      await page.locator('#unlock-passphrase').fill(PASSPHRASE)
      await page.locator('#unlock-passphrase').press('Enter')
      await page.getByTestId('people').waitFor()
    })
    const log = await ok<unknown>(await api.get(`${base}/api/v1/shelters/${shelter.id}`))
    expect(JSON.stringify(log)).toContain(NOTE_MARKER)
    const cp = await (await asCoordinatorBrowser()).newPage()
    await cp.goto(`${base}/app/field/review?outcome=conflict`)
    const review = cp.getByTestId('field-review')
    await review.getByText('Register a person').waitFor()
    await review.getByText('Conflict: may be someone registered already').waitFor()
    // Whom it matched: the person registered before, by code and name (the coordinator may
    // identify people of the compartment; that look is audited on the server).
    await review
      .getByTestId('field-matched')
      .getByText(`Likely the same as ${registered.code} (${NAME_MARKER})`)
      .waitFor()
    expect(describeViolations(await axeViolations(cp))).toBe('')
    await shots(cp, 'field-review')
    await shotsInJapanese(cp, 'field-review', async () => {})

    // The grant in YAN-02 is taken away: at the next sync its people leave the phone's screen.
    await ok(await asAdmin.post('/api/v1/account/reauth', { data: { password: E2E_PASSWORD } }))
    await ok(await asAdmin.delete(`/api/v1/grants/${grant.id}`))
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor()
    await expect.poll(() => people.getByRole('rowheader', { name: resident.code }).count()).toBe(0)
    expect(await people.innerText()).not.toContain('YAN-02')

    // A coordinator's report of a seized phone: the administrator revokes it; its next contact
    // is answered 410 and the app wipes itself.
    const devices = await ok<{ id: string; name: string }[]>(
      await api.get(`${base}/api/v1/field/devices`),
    )
    const device = devices.find((d) => d.name === 'Field phone 2')
    const slots = await keySlots(page)
    expect(holds(profileBytes(dir), slots.slots[0] ?? 'none')).toBe(true)
    await ok(await asAdmin.post(`/api/v1/field/devices/${device?.id}/revoke`))
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByText('This phone was revoked').waitFor()
    await page.getByRole('button', { name: 'Register and encrypt' }).waitFor()
    await context.close()
    const files = profileBytes(dir)
    for (const slot of slots.slots) expect(holds(files, slot)).toBe(false)
    expect(holds(files, slots.salt)).toBe(false)
    for (const marker of [NOTE_MARKER, NAME_MARKER, resident.code])
      expect(holding(files, marker)).toEqual([])
    await asAdmin.dispose()
    await asCoordinator.dispose()
  }, 300_000)

  /** The coordinator in a browser of their own (closed with the suite). */
  async function asCoordinatorBrowser(): Promise<BrowserContext> {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    browsers.push(browser)
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } })
    await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
    return context
  }
})
