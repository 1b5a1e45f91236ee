// Disclosure control benchmark: time to protect (threshold, complementary suppression and the
// interval audit that checks it) a 50 × 50 table with margins under two mixes of counts, and a
// 10 × 12 × 3 set of linked tables. Run: node --import tsx bench/disclosure.ts [runs]
import { availableParallelism, cpus, loadavg } from 'node:os'
import {
  createHighsSolver,
  crossTable,
  DEFAULT_POLICY,
  type ProtectionStats,
  protectTable,
  protectTables,
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

/** Times `tables` protected together (one table: protectTable; several: linked). */
function measure(name: string, tables: readonly StatTable[]) {
  const protect = () =>
    tables.length === 1 && tables[0]
      ? protectTable(tables[0], DEFAULT_POLICY, { solver }).stats
      : protectTables(
          tables.map((table) => ({ table })),
          DEFAULT_POLICY,
          { solver },
        ).reduce(
          (sum, t, i) => ({
            ...t.stats,
            // How cells were chosen is shared; the counts are each table's own.
            primaries: (i > 0 ? sum.primaries : 0) + t.stats.primaries,
            complementary: (i > 0 ? sum.complementary : 0) + t.stats.complementary,
            released: (i > 0 ? sum.released : 0) + t.stats.released,
          }),
          {} as ProtectionStats,
        )
  // Warm-up: the WebAssembly and JavaScript compilers settle after a few runs.
  for (let i = 0; i < 3; i++) protect()
  const wall: number[] = []
  const cpu: number[] = []
  let stats = protect()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const used = process.cpuUsage()
    stats = protect()
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
    `  ${tables.reduce((n, t) => n + t.cells.length, 0)} cells: ${stats.primaries} below k, ${stats.complementary} complementary, ` +
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
measure('50 × 50 table with margins (2,601 cells), 8 % of counts in 1–9', [
  table('shelter-week', [50, 50], ['shelter', 'week'], 'bench-50x50'),
])
measure('50 × 50 table with margins (2,601 cells), 45 % of counts in 1–9', [
  table('shelter-week', [50, 50], ['shelter', 'week'], 'bench-50x50-small', MOSTLY_SMALL),
])
// Linked tables: three pathway layers of a 10-shelter × 12-month table, each published with its
// margins, plus the table of their sums — together a three-way table with all its margins.
measure('10 × 12 × 3 linked tables (3 layers + their sum)', [
  table('shelter-month-pathway', [10, 12, 3], ['shelter', 'month', 'pathway'], 'bench-10x12x3'),
])
// Tables published separately that share cells: shelters × months and shelters × pathways of
// the same people (their shelter totals and grand total agree), protected as one system.
const byMonth = table('by-month', [10, 12], ['shelter', 'month'], 'bench-10x12', MOSTLY_SMALL)
const totals = byMonth.cells.filter((c) => c.coordinates[1] === null && c.coordinates[0] !== null)
measure('10 × 12 (45 % in 1–9) and 10 × 3 tables sharing their shelter totals', [
  byMonth,
  crossTable({
    id: 'by-pathway',
    measure: 'protected',
    dimensions: [
      { name: 'shelter', labels: Array.from({ length: 10 }, (_, i) => `shelter-${i + 1}`) },
      { name: 'pathway', labels: ['pathway-1', 'pathway-2', 'pathway-3'] },
    ],
    // Each shelter's total split in fixed shares: a third, a half, the rest.
    interior: ([s, p]) => {
      const total = totals[s ?? 0]?.value ?? 0
      const third = Math.floor(total / 3)
      const half = Math.floor(total / 2)
      return p === 0 ? third : p === 1 ? half : total - third - half
    },
  }),
])
