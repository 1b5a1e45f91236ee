import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDisclosureEngine } from './engine.js'
import { EMPTY_LEDGER } from './ledger.js'
import { linkedGroups, protectTables } from './link-tables.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY, parsePolicy } from './policy.js'
import { protectTable } from './protect-table.js'
import { renderReview } from './render-review.js'
import { oneWayTable, twoWayTable } from './table.js'
import { cellIdentities } from './table-figures.js'
import { checkPublished } from './testing/check-published.js'
import { publicView } from './testing/public-view.js'
import { read } from './testing/reader.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const grid = (
  id: string,
  rows: { name: string; labels: string[] },
  columns: { name: string; labels: string[] },
  values: number[][],
) => twoWayTable({ id, measure: 'protected', rows, columns, values })

// The audit's example: A prints only its grand total, 15; B hides everything, its total too.
const a = grid(
  'A',
  { name: 'pathway', labels: ['UNHCR', 'consulate'] },
  { name: 'half', labels: ['H1', 'H2'] },
  [
    [6, 0],
    [4, 5],
  ],
)
const b = grid(
  'B',
  { name: 'sex', labels: ['women', 'men'] },
  { name: 'age', labels: ['child', 'adult', 'elderly'] },
  [
    [5, 0, 1],
    [1, 6, 2],
  ],
)

describe('linked tables (issue #14)', () => {
  it('protected one by one, A prints the total B hides as a complement', async () => {
    const alone = [a, b].map((t) => protectTable(t, DEFAULT_POLICY, { solver }))
    const totals = alone.map((t) => t.cells.find((c) => c.level === 2))
    expect(totals.map((c) => c?.rendering.kind)).toEqual(['number', 'suppressed'])
    const reader = await read(alone.map((t) => publicView('r', t)))
    const bTotal = totals[1]?.index ?? -1
    expect(reader.cell({ release: 'r', table: 'B', index: bTotal }).whole).toEqual({
      lower: 15,
      upper: 15,
    })
  })

  it('protected together, the shared total is one cell and neither table gives the other away', async () => {
    const tables = protectTables([{ table: a }, { table: b }], DEFAULT_POLICY, { solver })
    const totals = tables.map((t) => t.cells.find((c) => c.level === 2)?.rendering)
    expect(totals[0]).toEqual(totals[1])
    expect(tables.map((t) => t.linkedWith)).toEqual([['B'], ['A']])
    const reader = await read(tables.map((t) => publicView('r', t)))
    for (const t of tables) checkPublished(reader, 'r', t, DEFAULT_POLICY)
  })

  it('links tables by what their cells count: shared categories, same measure', () => {
    const c = oneWayTable({
      id: 'C',
      measure: 'protected',
      dimension: { name: 'pathway', labels: ['UNHCR', 'consulate'] },
      values: [6, 9],
    })
    const d = oneWayTable({
      id: 'D',
      measure: 'resettled',
      dimension: { name: 'pathway', labels: ['UNHCR', 'consulate'] },
      values: [6, 9],
    })
    const ids = [a, b, c, d].map((t) => cellIdentities(t))
    expect(linkedGroups(ids)).toEqual([[0, 1, 2], [3]])
    // C's cells are A's row totals; A's grand total is C's.
    expect(ids[2]).toEqual([ids[0]?.[2], ids[0]?.[5], ids[0]?.[8]])
  })

  it('refuses linked tables that disagree on a shared count, or on its sensitivity', () => {
    const other = grid(
      'B2',
      { name: 'sex', labels: ['women', 'men'] },
      { name: 'age', labels: ['child', 'adult'] },
      [
        [5, 1],
        [1, 9],
      ],
    )
    expect(() =>
      protectTables([{ table: a }, { table: other }], DEFAULT_POLICY, { solver }),
    ).toThrow(/A:pathway=\*\|half=\* and B2:sex=\*\|age=\* count the same people but are 15 and 16/)
    expect(() =>
      protectTables([{ table: a }, { table: b, sensitivity: 'people-served' }], DEFAULT_POLICY, {
        solver,
      }),
    ).toThrow(/share cells: protect the same people under one sensitivity/)
  })

  it('prepareRelease links tables with the same population and period, and says so in the review', async () => {
    const engine = await createDisclosureEngine({ solver })
    const context = {
      population: 'people protected',
      period: { from: '2005-04-01', to: '2006-04-01' },
    }
    const release = engine.prepareRelease({
      id: 'fy2005',
      title: 'FY2005',
      date: '2006-06-30',
      ledger: EMPTY_LEDGER,
      tables: [
        { table: a, context },
        { table: b, context },
        // The same breakdown a year later counts other people: not linked.
        {
          table: { ...a, id: 'A-2006' },
          context: { ...context, period: { from: '2006-04-01', to: '2007-04-01' } },
        },
      ],
    })
    expect(release.tables.map((t) => t.linkedWith)).toEqual([['B'], ['A'], undefined])
    expect(release.refused).toBe(false)
    const review = renderReview(release.review, 'en')
    expect(review).toContain(
      'Protected together with “B”: they share cells, so none prints what another hides.',
    )
    expect(renderReview(release.review, 'ja')).toContain(
      '「A」と共通のセルがあるため一緒に保護しました',
    )
  })
})

describe('linked tables: properties checked by the reader of all of them', {
  timeout: 180_000,
}, () => {
  const countArb = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 10, max: 60 }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) },
    { weight: 1, arbitrary: fc.constant(0) },
  )
  // Shelters × months and shelters × pathways of the same people: the same shelter totals and
  // grand total, broken down two ways; and the shelter totals alone as a third table.
  const linkedArb = fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 2, max: 3 }),
    )
    .chain(([shelters, months, pathways]) =>
      fc.tuple(
        fc.array(fc.array(countArb, { minLength: months, maxLength: months }), {
          minLength: shelters,
          maxLength: shelters,
        }),
        fc.array(fc.array(fc.nat(), { minLength: pathways - 1, maxLength: pathways - 1 }), {
          minLength: shelters,
          maxLength: shelters,
        }),
        fc.boolean(),
      ),
    )
    .map(([byMonth, cuts, third]) => {
      const shelters = { name: 'shelter', labels: byMonth.map((_, i) => `S${i}`) }
      const totals = byMonth.map((row) => row.reduce((s, v) => s + v, 0))
      // Split each shelter's total across pathways at random cut points.
      const byPathway = totals.map((total, i) => {
        const points = (cuts[i] ?? []).map((c) => c % (total + 1)).sort((x, y) => x - y)
        return [...points, total].map((p, j) => p - (j === 0 ? 0 : (points[j - 1] ?? 0)))
      })
      const tables = [
        grid(
          'by-month',
          shelters,
          { name: 'month', labels: (byMonth[0] ?? []).map((_, j) => `M${j}`) },
          byMonth,
        ),
        grid(
          'by-pathway',
          shelters,
          { name: 'pathway', labels: (byPathway[0] ?? []).map((_, j) => `P${j}`) },
          byPathway,
        ),
      ]
      if (third)
        tables.push(
          oneWayTable({
            id: 'by-shelter',
            measure: 'protected',
            dimension: shelters,
            values: totals,
          }),
        )
      return tables
    })

  const policies = {
    'protected, dashes (k = 10)': {
      policy: DEFAULT_POLICY,
      sensitivity: 'people-protected' as const,
    },
    'served, words (k = 5)': {
      policy: parsePolicy({ rules: { 'people-served': { hiddenAs: 'words' } } }),
      sensitivity: 'people-served' as const,
    },
  }
  for (const [name, { policy, sensitivity }] of Object.entries(policies))
    it(`no table gives another away, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(linkedArb, async (tables) => {
          const published = protectTables(
            tables.map((table) => ({ table, sensitivity })),
            policy,
            { solver },
          )
          const reader = await read(published.map((t) => publicView('r', t)))
          for (const t of published) checkPublished(reader, 'r', t, policy)
        }),
        { numRuns: 30 },
      )
    })
})
