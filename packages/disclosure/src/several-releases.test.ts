import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDisclosureEngine } from './engine.js'
import { type DisclosureLedger, EMPTY_LEDGER } from './ledger.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { parsePolicy } from './policy.js'
import { seededRandom } from './random-source.js'
import { type PreparedRelease, type ReleaseTableInput, recordRelease } from './release.js'
import type { Sensitivity } from './sensitivity.js'
import { oneWayTable, twoWayTable } from './table.js'
import { checkPublished } from './testing/check-published.js'
import { type PublicTable, publicView } from './testing/public-view.js'
import { read } from './testing/reader.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing')
  return value
}

/** What a reader collects from a release: every table as printed, with what it says it counts. */
function printed(release: PreparedRelease, inputs: readonly ReleaseTableInput[]): PublicTable[] {
  return release.tables.map((t, i) => {
    const context = inputs[i]?.context
    if (!context) throw new Error('no context')
    return publicView(release.id, t, {
      population: context.population,
      period: context.period,
      ...(context.periodDimension ? { periodDimension: context.periodDimension } : {}),
    })
  })
}

describe('several releases of rounded tables, read together (issue #14)', {
  timeout: 180_000,
}, () => {
  // People served, k = 5, rounded to 5.
  const policy = parsePolicy({
    rules: { 'people-served': { rounding: { base: 5 } } },
    measures: { meals: 'people-served' },
  })
  const secret = new Uint8Array(32).fill(11)

  async function releaseTimes(times: number, inputs: readonly ReleaseTableInput[]) {
    let ledger: DisclosureLedger = EMPTY_LEDGER
    const releases: PreparedRelease[] = []
    for (let r = 0; r < times; r++) {
      const engine = await createDisclosureEngine({
        solver,
        policy,
        roundingSecret: secret,
        random: seededRandom(`run-${r}`),
      })
      const release = engine.prepareRelease({
        id: `r${r}`,
        title: `Release ${r}`,
        date: '2006-06-30',
        ledger,
        tables: inputs,
      })
      expect(release.refused).toBe(false)
      ledger = recordRelease(ledger, release)
      releases.push(release)
    }
    return releases
  }

  it('the column [10, 6, 14, 3] (total 33) released ten times keeps the hidden 3 at least 5 wide', async () => {
    const inputs: ReleaseTableInput[] = [
      {
        table: oneWayTable({
          id: 'meals',
          measure: 'meals',
          dimension: { name: 'shelter', labels: ['A', 'B', 'C', 'D'] },
          values: [10, 6, 14, 3],
        }),
        context: { population: 'people fed', period: { from: '2006-01-01', to: '2006-04-01' } },
      },
    ]
    const releases = await releaseTimes(10, inputs)
    const reader = await read(releases.flatMap((r) => printed(r, inputs)))
    const hidden = releases[0]?.tables[0]?.cells.find((c) => c.explanation.trueValue === 3)
    expect(hidden?.rendering.kind).toBe('suppressed')
    const interval = reader.cell({
      release: 'r9',
      table: 'meals',
      index: hidden?.index ?? -1,
    }).whole
    expect(interval.upper - interval.lower).toBeGreaterThanOrEqual(5)
    for (const r of releases) checkPublished(reader, r.id, present(r.tables[0]), policy)
  })

  it('a reader of many releases learns nothing a reader of one does not', async () => {
    const countArb = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 1, arbitrary: fc.constant(0) },
    )
    const gridArb = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(countArb, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
      )
    await fc.assert(
      fc.asyncProperty(gridArb, async (values) => {
        const inputs: ReleaseTableInput[] = [
          {
            table: twoWayTable({
              id: 'meals',
              measure: 'meals',
              rows: { name: 'shelter', labels: values.map((_, i) => `S${i}`) },
              columns: { name: 'month', labels: (values[0] ?? []).map((_, j) => `2006-0${j + 1}`) },
              values,
            }),
            context: {
              population: 'people fed',
              period: { from: '2006-01-01', to: `2006-0${(values[0]?.length ?? 0) + 1}-01` },
              periodDimension: 'month',
            },
          },
        ]
        const releases = await releaseTimes(4, inputs)
        const one = await read(printed(present(releases[0]), inputs))
        const all = await read(releases.flatMap((r) => printed(r, inputs)))
        const table = releases[0]?.tables[0]
        if (!table) throw new Error()
        for (const cell of table.cells) {
          if (cell.rendering.kind === 'number') continue
          const ref = { release: 'r0', table: 'meals', index: cell.index }
          expect(all.cell(ref).whole, cell.key).toEqual(one.cell(ref).whole)
        }
        for (const r of releases) checkPublished(all, r.id, present(r.tables[0]), policy)
      }),
      { numRuns: 20 },
    )
  })
})

describe('the differencing guard against a reader of both releases (issue #14)', {
  timeout: 180_000,
}, () => {
  // meals → people served (k = 5); visits is not mapped (the policy would say people protected).
  const policy = parsePolicy({ measures: { meals: 'people-served' } })
  const caseArb = fc.record({
    measure: fc.constantFrom('meals', 'visits'),
    sensitivity: fc.constantFrom<Sensitivity | undefined>(
      'people-protected',
      'people-served',
      undefined,
    ),
    year: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }),
    april: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }),
  })

  it('accepts a second release only if a reader of both finds no small count; refuses only if one does', async () => {
    const engine = await createDisclosureEngine({ solver, policy, random: seededRandom('d') })
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ measure, sensitivity, year, april }) => {
        const labels = year.map((_, i) => `S${i}`)
        const input = (id: string, values: number[], to: string): ReleaseTableInput => ({
          table: oneWayTable({ id, measure, dimension: { name: 'shelter', labels }, values }),
          context: { population: 'people', period: { from: '2005-04-01', to } },
          ...(sensitivity ? { sensitivity } : {}),
        })
        const first = [input('year', year, '2006-04-01')]
        const second = [
          input(
            'to-april',
            year.map((v, i) => v + (april[i] ?? 0)),
            '2006-05-01',
          ),
        ]
        const r1 = engine.prepareRelease({
          id: 'r1',
          title: 'r1',
          date: '2006-04-30',
          ledger: EMPTY_LEDGER,
          tables: first,
        })
        const r2 = engine.prepareRelease({
          id: 'r2',
          title: 'r2',
          date: '2006-05-31',
          ledger: recordRelease(EMPTY_LEDGER, r1),
          tables: second,
        })
        const used = r2.tables[0]?.sensitivity ?? 'people-protected'
        expect(used).toBe(
          sensitivity ?? (measure === 'meals' ? 'people-served' : 'people-protected'),
        )
        const k = policy.rules[used].threshold
        const reader = await read([...printed(r1, first), ...printed(r2, second)])
        // What the guard protects: no elementary group or difference pinned to 1…k−1, and no
        // count hidden by the threshold narrowed below k (the test knows which ones those are).
        const narrowed = [r1, r2].flatMap((r) =>
          present(r.tables[0]).cells.flatMap((cell) => {
            const truth = cell.explanation.trueValue
            if (truth < 1 || truth >= k) return []
            const { whole } = reader.cell({
              release: r.id,
              table: present(r.tables[0]).table.id,
              index: cell.index,
            })
            return whole.upper - whole.lower < k
              ? [`${r.id}/${cell.key} in ${whole.lower}–${whole.upper}`]
              : []
          }),
        )
        const leaks = [
          ...narrowed,
          ...reader.smallGroups(k).map((g) => g.group),
          ...reader
            .smallDifferences(k)
            .map(
              (d) => `${d.larger.table}/${d.larger.index} − ${d.smaller.table}/${d.smaller.index}`,
            ),
        ]
        if (!r2.refused) {
          expect(leaks).toEqual([])
          for (const r of [r1, r2])
            checkPublished(reader, r.id, present(r.tables[0]), policy, { exact: false })
        } else expect(leaks.length, JSON.stringify(r2.differencing?.refusals)).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })
})
