// `npm test`: everything CI checks, in the order that fails fastest.
//   build → lint → typecheck → unit → storage (SQLite + PostgreSQL) → browser (Chromium)
// Set HAVEN_TEST_PG_URL to run the PostgreSQL half of the storage suites (CI always does).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const report = join(mkdtempSync(join(tmpdir(), 'haven-vitest-')), 'report.json')

const steps = [
  ['build', 'npm', ['run', 'build', '--silent']],
  ['lint', 'npx', ['biome', 'check', '.']],
  ['typecheck', 'npm', ['run', 'typecheck', '--silent']],
  [
    'tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
  ],
]

if (!process.env.HAVEN_TEST_PG_URL) {
  console.warn('\nHAVEN_TEST_PG_URL is not set: PostgreSQL suites will be SKIPPED (CI sets it).\n')
}

for (const [name, command, args] of steps) {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds}s`)
    summarise()
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${name} (${seconds}s)`)
}
summarise()

/** The closing line CI reads: counts from Vitest's JSON report. */
function summarise() {
  if (!existsSync(report)) return
  const r = JSON.parse(readFileSync(report, 'utf8'))
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
}
