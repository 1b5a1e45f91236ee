// Disclosure control benchmark: time to protect (threshold, complementary suppression and the
// interval audit that checks it) a 50 × 50 table with margins under two mixes of counts, and a
// 10 × 12 × 3 set of linked tables. Run: node --import tsx bench/disclosure.ts [runs]
import { availableParallelism, cpus, loadavg } from 'node:os'
import {
  createHighsSolver,
  crossTable,
  DEFAULT_POLICY,
  protectTable,
  type RandomSource,
  type StatTable,
  seededRandom,
} from '@haven/disclosure'

/** A mix of counts: the share of zeros and of small counts (1–9); the rest are 10–80. */
interface CountMix {
  readonly zero: number
  readonly small: number
}

/** Counts as a busy field operation has them: mostly 10–80, 8 % small (1–9), 2 % zero. */
const BUSY: CountMix = { zero: 0.02, small: 0.08 }
/** Counts as a small operation has them: 45 % small (1–9), 2 % zero (issue #14). */
const MOSTLY_SMALL: CountMix = { zero: 0.02, small: 0.45 }

function count(random: RandomSource, mix: CountMix): number {
  const u = random.nextUint32() / 2 ** 32
  const v = random.nextUint32() / 2 ** 32
  if (u < mix.zero) return 0
  if (u < mix.zero + mix.small) return 1 + Math.floor(v * 9)
  return 10 + Math.floor(v * 71)
}

function table(
  id: string,
  sizes: readonly number[],
  names: readonly string[],
  seed: string,
  mix: CountMix = BUSY,
): StatTable {
  const random = seededRandom(seed)
  const values = new Map<string, number>()
  return crossTable({
    id,
    measure: 'protected',
    dimensions: sizes.map((n, d) => ({
      name: names[d] ?? `d${d}`,
      labels: Array.from({ length: n }, (_, i) => `${names[d]}-${i + 1}`),
    })),
    interior: (coordinates) => {
      const key = coordinates.join(',')
      const v = values.get(key) ?? count(random, mix)
      values.set(key, v)
      return v
    },
  })
}

const runs = Number(process.argv[2] ?? 15)
const solver = await createHighsSolver()

function measure(name: string, t: StatTable) {
  // Warm-up: the WebAssembly and JavaScript compilers settle after a few runs.
  for (let i = 0; i < 3; i++) protectTable(t, DEFAULT_POLICY, { solver })
  const wall: number[] = []
  const cpu: number[] = []
  let stats = protectTable(t, DEFAULT_POLICY, { solver }).stats
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const used = process.cpuUsage()
    stats = protectTable(t, DEFAULT_POLICY, { solver }).stats
    const spent = process.cpuUsage(used)
    wall.push(performance.now() - start)
    cpu.push((spent.user + spent.system) / 1000)
  }
  const at = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
  }
  const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`
  console.log(name)
  // CPU time is this process's own work: other processes on a shared machine inflate the
  // wall-clock time but not it.
  console.log(`  wall clock: median ${ms(at(wall, 0.5))}, p95 ${ms(at(wall, 0.95))}`)
  console.log(`  CPU time:   median ${ms(at(cpu, 0.5))}, p95 ${ms(at(cpu, 0.95))}`)
  console.log(
    `  ${t.cells.length} cells: ${stats.primaries} below k, ${stats.complementary} complementary, ` +
      `${stats.released} released; ${stats.searches} perturbation searches (${stats.method}), ${stats.solves} LPs and ${stats.flows} maximum flows in the audit`,
  )
}

console.log(`Disclosure control benchmark — ${new Date().toISOString()}`)
console.log(
  `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${solver.name}, ${runs} timed runs after 3 warm-up runs`,
)
// Other processes share the machine: the load average says how far to trust the figures.
console.log(`Load average (1 min) before the runs: ${loadavg()[0]?.toFixed(2)}`)
console.log('Policy: people protected, k = 10, protection width 10, hidden counts as dashes.')
measure(
  '50 × 50 table with margins (2,601 cells), 8 % of counts in 1–9',
  table('shelter-week', [50, 50], ['shelter', 'week'], 'bench-50x50'),
)
measure(
  '50 × 50 table with margins (2,601 cells), 45 % of counts in 1–9',
  table('shelter-week', [50, 50], ['shelter', 'week'], 'bench-50x50-small', MOSTLY_SMALL),
)
// Linked tables: three pathway layers of a 10-shelter × 12-month table, each published with its
// margins, plus the table of their sums — together a three-way table with all its margins.
measure(
  '10 × 12 × 3 linked tables (3 layers + their sum)',
  table('shelter-month-pathway', [10, 12, 3], ['shelter', 'month', 'pathway'], 'bench-10x12x3'),
)
