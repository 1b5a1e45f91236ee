// Peak memory of the generator: the same run at N and at 4N people. Memory that stays bounded
// (streamed batches, nothing held per person) gives nearly the same peak at both sizes.
//   npm run build && node --import tsx bench/memory.ts [N]      (N defaults to 10000)
// The server's peak under load is measured by api-throughput.ts, which runs it under autocannon.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printHeader, table } from './support/bench-env.js'

const BIN = fileURLToPath(new URL('../packages/server/bin/haven.js', import.meta.url))
const N = Number(process.argv[2] ?? 10_000)

function generate(people: number): { peakMiB: number; seconds: number; line: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-memory-'))
  try {
    const run = spawnSync(process.execPath, [BIN, 'generate', '--people', String(people)], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    if (run.status !== 0) throw new Error(`haven generate failed: ${run.stderr}`)
    const peak = /(\d+) MiB at most/.exec(run.stdout)?.[1]
    const seconds = /in ([\d.]+) s \(/.exec(run.stdout)?.[1]
    const line = run.stdout.split('\n').find((l) => l.startsWith('Wrote')) ?? ''
    return { peakMiB: Number(peak), seconds: Number(seconds), line }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

printHeader('Memory: peak RSS of the generator at N and 4N people (SQLite)')
const small = generate(N)
const large = generate(4 * N)
console.log(
  table([
    ['people', 'peak RSS', 'time'],
    [String(N), `${small.peakMiB} MiB`, `${small.seconds} s`],
    [String(4 * N), `${large.peakMiB} MiB`, `${large.seconds} s`],
  ]),
)
const growth = large.peakMiB / small.peakMiB
const bounded = growth <= 1.5
console.log(
  `\n${bounded ? '✓' : '✗ MISSED'} four times the people, ${growth.toFixed(2)} × the peak memory (goal: bounded, ≤ 1.5)`,
)
process.exit(bounded ? 0 : 1)
