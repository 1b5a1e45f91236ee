// Screenshots of pages at phone and desktop widths, for looking at what we build:
//   node --import tsx scripts/screenshots.ts http://localhost:3000 /en/ /ja/ /app/
// LOCALE=ja-JP picks the browser's language; STORAGE_STATE=file.json (cookies saved by
// Playwright's context.storageState) shows the staff app signed in.
// Files go to e2e/artifacts/ (ignored by git).
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const [base, ...paths] = process.argv.slice(2)
if (!base || paths.length === 0) {
  console.error('usage: screenshots.ts BASE_URL PATH [PATH …]')
  process.exit(2)
}
mkdirSync('e2e/artifacts', { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
for (const [name, viewport] of [
  ['small', { width: 320, height: 640 }],
  ['phone', { width: 375, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  const context = await browser.newContext({
    viewport,
    locale: process.env.LOCALE ?? 'en-US',
    ...(process.env.STORAGE_STATE ? { storageState: process.env.STORAGE_STATE } : {}),
  })
  const page = await context.newPage()
  for (const path of paths) {
    await page.goto(`${base}${path}`)
    await page.waitForLoadState('networkidle')
    const language = (process.env.LOCALE ?? 'en').slice(0, 2)
    const file = `e2e/artifacts/${name}-${language}${path.replace(/[^\w]+/g, '_')}.png`
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
  }
  await context.close()
}
await browser.close()
