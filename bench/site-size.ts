// Bytes a first visit costs: the HTML and the one stylesheet, gzip-compressed, per page type.
//   npm run build && node --import tsx bench/site-size.ts
// Goal: at most 30 KB each, and no JavaScript at all. A missed goal is printed, and the exit
// code is 1, but this is a measurement, not a test.
import { gzipSync } from 'node:zlib'
import { printHeader, table } from './support/bench-env.js'
import { startDemoHaven } from './support/demo-haven.js'
import { PAGE_TYPES } from './support/site-pages.js'

const GOAL = 30 * 1024
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

printHeader('Public site: first-load size (HTML + CSS, gzip)')
const haven = await startDemoHaven()
try {
  const pages = [...PAGE_TYPES, ['not found', '/en/no-such-page'] as const]
  let cssGzip = 0
  const rows: string[][] = [
    ['page type', 'path', 'html', 'html gz', 'css gz', 'total gz', 'scripts', 'goal'],
  ]
  let missed = 0
  for (const [type, path] of pages) {
    const res = await fetch(`${haven.baseUrl}${path}`, {
      headers: { 'Accept-Encoding': 'identity' },
    })
    const html = Buffer.from(await res.arrayBuffer())
    const text = html.toString('utf8')
    if (cssGzip === 0) {
      const href = /<link rel="stylesheet" href="([^"]+)"/.exec(text)?.[1] ?? ''
      const css = Buffer.from(await (await fetch(`${haven.baseUrl}${href}`)).arrayBuffer())
      cssGzip = gzipSync(css, { level: 9 }).length
      console.log(`stylesheet ${href}: ${kb(css.length)}, ${kb(cssGzip)} gzip\n`)
    }
    // What the server itself sends compressed (it gzips at level 9 once per content version).
    const htmlGzip = gzipSync(html, { level: 9 }).length
    const scripts = (text.match(/<script(?! type="application\/ld\+json")/g) ?? []).length
    const total = htmlGzip + cssGzip
    const ok = total <= GOAL && scripts === 0
    if (!ok) missed += 1
    rows.push([
      type,
      path,
      kb(html.length),
      kb(htmlGzip),
      kb(cssGzip),
      kb(total),
      String(scripts),
      ok ? 'ok' : 'MISSED',
    ])
  }
  console.log(table(rows))
  console.log('')
  if (missed > 0) {
    console.log(
      `!!! GOAL MISSED on ${missed} page(s): every page must be ≤ ${kb(GOAL)} (HTML + CSS, gzip) with no script.`,
    )
    process.exitCode = 1
  } else {
    console.log(`Every page is within the goal of ${kb(GOAL)} gzip for HTML + CSS, with no script.`)
  }
} finally {
  await haven.stop()
}
