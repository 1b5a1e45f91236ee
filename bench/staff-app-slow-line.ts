// The staff app on a bad line: bytes transferred and time until a person can use the screen,
// for the sign-in screen and the people list, in Debian's Chromium throttled through the
// DevTools protocol to 400 kbit/s each way with 400 ms latency (a poor mobile or satellite link).
//   npm run build && node --import tsx bench/staff-app-slow-line.ts
// Each screen is loaded cold (new browser context, empty cache) with compression as the browser
// negotiates it, and once with `Accept-Encoding: identity` for comparison; the people list also
// warm (the app's files already cached, as on a second visit). Demo data, an organisation-wide
// coordinator. Goals from issue #15: first load ≤ 100 KB, people list usable ≤ 3 s.
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { startHaven } from '../e2e/support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from '../e2e/support/staff-accounts.js'
import { runHaven } from '../packages/server/test/support/cli.js'
import { printHeader, table } from './support/bench-env.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const KBIT = 400
const LATENCY_MS = 400
const RUNS = Number(process.argv[2] ?? 3)

interface Measure {
  bytes: number
  ms: number
  files?: { url: string; bytes: number }[]
}

/** Throttles a page and counts the bytes it receives (headers and bodies, as on the wire). */
async function throttle(page: Page, context: BrowserContext, identity: boolean) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (KBIT * 1000) / 8,
    uploadThroughput: (KBIT * 1000) / 8,
  })
  if (identity)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } })
  let bytes = 0
  const urls = new Map<string, string>()
  let files: { url: string; bytes: number }[] = []
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url)
  })
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength
    files.push({ url: urls.get(e.requestId) ?? e.requestId, bytes: e.encodedDataLength })
  })
  return {
    reset: () => {
      bytes = 0
      files = []
    },
    bytes: () => bytes,
    /** What was received, file by file, largest first. */
    files: () => [...files].sort((a, b) => b.bytes - a.bytes),
  }
}

async function timed(page: Page, url: string, ready: () => Promise<unknown>) {
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await ready()
  return performance.now() - started
}

const signInUsable = (page: Page) => () =>
  page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 120_000 })
// The list is usable once its first person is shown (a link to a person's page).
const peopleUsable = (page: Page) => () =>
  page
    .locator('main a[href^="/app/people/"]:not([href="/app/people/new"])')
    .first()
    .waitFor({ timeout: 120_000 })

printHeader(`Staff app on a ${KBIT} kbit/s, ${LATENCY_MS} ms line (Chromium CDP throttling)`)
const haven = await startHaven()
// The demo takes over a minute on a loaded machine: give it ten.
const demo = runHaven(['demo'], { DATA_DIR: haven.dataDir }, undefined, { timeoutMs: 600_000 })
if (demo.status !== 0) throw new Error(`haven demo failed: ${demo.stderr}`)
const { coordinator } = (await createStaff(haven, {
  coordinator: { role: 'coordinator', compartment: null },
})) as { coordinator: StaffAccount }
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})

async function signInScreen(identity: boolean): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
  const page = await context.newPage()
  const net = await throttle(page, context, identity)
  const ms = await timed(page, `${haven.baseUrl}/app/login`, signInUsable(page))
  await page.waitForLoadState('networkidle')
  const result = { bytes: net.bytes(), ms, files: net.files() }
  await context.close()
  return result
}

async function peopleList(identity: boolean): Promise<{ cold: Measure; warm: Measure }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
  await signInContext(context, haven.baseUrl, coordinator)
  const page = await context.newPage()
  const net = await throttle(page, context, identity)
  const coldMs = await timed(page, `${haven.baseUrl}/app/people`, peopleUsable(page))
  await page.waitForLoadState('networkidle')
  const cold = { bytes: net.bytes(), ms: coldMs, files: net.files() }
  net.reset()
  const warmMs = await timed(page, `${haven.baseUrl}/app/people`, peopleUsable(page))
  await page.waitForLoadState('networkidle')
  const warm = { bytes: net.bytes(), ms: warmMs }
  await context.close()
  return { cold, warm }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

let lastSignIn: Measure['files']
let lastPeople: Measure['files']
try {
  const rows: string[][] = [['screen', 'encoding', 'transferred', 'usable after (median)']]
  for (const identity of [false, true]) {
    const label = identity ? 'none (identity)' : 'negotiated (br)'
    const signIn: Measure[] = []
    const cold: Measure[] = []
    const warm: Measure[] = []
    for (let i = 0; i < RUNS; i++) {
      signIn.push(await signInScreen(identity))
      const people = await peopleList(identity)
      cold.push(people.cold)
      warm.push(people.warm)
    }
    if (!identity) {
      lastSignIn = signIn.at(-1)?.files
      lastPeople = cold.at(-1)?.files
    }
    for (const [name, measures] of [
      ['sign-in, cold', signIn],
      ['people list, cold', cold],
      ['people list, warm', warm],
    ] as const)
      rows.push([
        name,
        label,
        kb(median(measures.map((m) => m.bytes))),
        s(median(measures.map((m) => m.ms))),
      ])
  }
  console.log(table(rows))
  console.log(`\n${RUNS} runs each; goals: first load ≤ 100 KB, people list usable ≤ 3 s`)
  // Where the bytes of a cold load go (the last compressed run), so the next cut is plain to see.
  for (const [name, files] of [
    ['sign-in, cold', lastSignIn],
    ['people list, cold', lastPeople],
  ] as const) {
    console.log(`\n${name}, compressed: what was received`)
    console.log(
      table([
        ['file', 'received'],
        ...(files ?? []).map((f) => [new URL(f.url).pathname, kb(f.bytes)]),
      ]),
    )
  }
} finally {
  await browser.close()
  await haven.server.stop()
}
