import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runHaven } from './support/cli.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'haven-cli-generate-'))

// Each test starts several `haven` processes in sequence: on a busy machine that takes more than
// vitest's default 30 s (as in cli.test.ts).
describe('haven generate and haven demo --scale', { timeout: 120_000 }, () => {
  it('fills a database at scale, reports time, rows/s and memory, and adds nothing the second time', () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'scale.db')
    const first = runHaven(['demo', '--scale', '--people', '40', '--db', file], {
      DATA_DIR: dataDir,
    })
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/Wrote 40 people, \d+ cases, \d+ person_terms in 3 compartments/)
    expect(first.stdout).toMatch(/ s \(\d+ rows\/s, \d+ people\/s\) on SQLite/)
    expect(first.stdout).toMatch(/MiB at most/)
    // On a pipe the progress is a line with percentage, rate and ETA rather than a bar.
    expect(first.stderr).toMatch(/Generating people: \d+% \d+\/40 people · \d+\/s · ETA/)

    const again = runHaven(['generate', '--people', '40', '--db', file], { DATA_DIR: dataDir })
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toContain('Wrote 0 people, 0 cases, 0 person_terms')
    const db = new Database(file, { readonly: true })
    const row = db.prepare('select count(*) as n from people').get() as { n: number }
    db.close()
    expect(row.n).toBe(40)
  })

  it('refuses generator flags without --scale, and --scale without --people', () => {
    const dataDir = tempDir()
    const stray = runHaven(['demo', '--people', '10'], { DATA_DIR: dataDir })
    expect(stray.status).toBe(2)
    expect(stray.stderr).toContain('--people and --db go with --scale')
    const missing = runHaven(['demo', '--scale'], { DATA_DIR: dataDir })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('--people is required')
    const bad = runHaven(['demo', '--scale', '--people', 'many'], { DATA_DIR: dataDir })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--people: "many" is not a whole number')
  })
})
