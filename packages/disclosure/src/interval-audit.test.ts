import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Bounds } from './bounds.js'
import { auditIntervals } from './interval-audit.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { crossTable, type StatTable, twoWayTable } from './table.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

// Shelters × months, as in the seed report's shelters.
const table = twoWayTable({
  id: 'shelter-month',
  measure: 'protected',
  rows: { name: 'shelter', labels: ['JRL-01', 'YAN-02', 'SHN-03'] },
  columns: { name: 'month', labels: ['Jan', 'Feb', 'Mar'] },
  values: [
    [3, 20, 25],
    [18, 2, 30],
    [27, 19, 24],
  ],
})

const cell = (t: StatTable, key: string) => {
  const found = t.cells.find((c) => c.key === key)
  if (!found) throw new Error(key)
  return found.index
}

/** A reader's knowledge when `hidden` cells show "—" (zeros shown, so hidden ≥ 1). */
function knowledgeHiding(t: StatTable, hidden: readonly string[]): Bounds[] {
  const indices = new Set(hidden.map((k) => cell(t, k)))
  return t.cells.map((c) =>
    indices.has(c.index)
      ? { lower: 1, upper: Number.POSITIVE_INFINITY }
      : { lower: c.value, upper: c.value },
  )
}

describe('interval audit', () => {
  it('recovers a lone hidden cell from its row total', () => {
    const hidden = ['shelter=JRL-01|month=Jan']
    const { intervals } = auditIntervals(
      table,
      knowledgeHiding(table, hidden),
      [cell(table, hidden[0] ?? '')],
      solver,
    )
    expect([...intervals.values()]).toEqual([{ lower: 3, upper: 3 }])
  })

  it('recovers two hidden cells in one row when their columns have no other hidden cell', () => {
    const hidden = ['shelter=JRL-01|month=Jan', 'shelter=JRL-01|month=Feb']
    const targets = hidden.map((k) => cell(table, k))
    const { intervals } = auditIntervals(table, knowledgeHiding(table, hidden), targets, solver)
    expect(intervals.get(targets[0] ?? -1)).toEqual({ lower: 3, upper: 3 })
    expect(intervals.get(targets[1] ?? -1)).toEqual({ lower: 20, upper: 20 })
  })

  it('gives a rectangle of hidden cells an interval bounded by its smallest corners', () => {
    const hidden = [
      'shelter=JRL-01|month=Jan',
      'shelter=JRL-01|month=Feb',
      'shelter=YAN-02|month=Jan',
      'shelter=YAN-02|month=Feb',
    ]
    const targets = hidden.map((k) => cell(table, k))
    const { intervals } = auditIntervals(table, knowledgeHiding(table, hidden), targets, solver)
    // JRL-Jan = 3 + d, JRL-Feb = 20 − d, YAN-Jan = 18 − d, YAN-Feb = 2 + d, all ≥ 1:
    // d ∈ [−1, 17], so JRL-Jan ∈ [2, 20] and YAN-Feb ∈ [1, 19].
    expect(intervals.get(targets[0] ?? -1)).toEqual({ lower: 2, upper: 20 })
    expect(intervals.get(targets[3] ?? -1)).toEqual({ lower: 1, upper: 19 })
  })

  it('needs the column totals hidden too when the two columns have no other hidden cell', () => {
    // Hiding JRL-01's Jan and Feb and both column totals: the row gives Jan + Feb = 48 − 25,
    // and the totals, now unknown, no longer pin either cell.
    const hidden = [
      'shelter=JRL-01|month=Jan',
      'shelter=JRL-01|month=Feb',
      'shelter=*|month=Jan',
      'shelter=*|month=Feb',
    ]
    const targets = hidden.map((k) => cell(table, k))
    const { intervals } = auditIntervals(table, knowledgeHiding(table, hidden), targets, solver)
    expect(intervals.get(targets[0] ?? -1)).toEqual({ lower: 1, upper: 22 })
    // Jan's total is JRL-Jan + 18 + 27.
    expect(intervals.get(targets[2] ?? -1)).toEqual({ lower: 46, upper: 67 })
  })

  it('uses ranges a reader knows (a rounded value, a word) as bounds', () => {
    const hidden = [
      'shelter=JRL-01|month=Jan',
      'shelter=JRL-01|month=Feb',
      'shelter=YAN-02|month=Jan',
      'shelter=YAN-02|month=Feb',
    ]
    const knowledge = knowledgeHiding(table, hidden)
    // JRL-01|Feb published as the word "more than ten" (12–29): 20 − d ∈ [12, 29] caps d at 8,
    // so JRL-Jan ∈ [2, 11] instead of [2, 20].
    knowledge[cell(table, 'shelter=JRL-01|month=Feb')] = { lower: 12, upper: 29 }
    const target = cell(table, 'shelter=JRL-01|month=Jan')
    const { intervals } = auditIntervals(table, knowledge, [target], solver)
    expect(intervals.get(target)).toEqual({ lower: 2, upper: 11 })
  })

  it('reports unbounded intervals when hidden totals leave a cell free', () => {
    const t = twoWayTable({
      id: 't',
      measure: 'm',
      rows: { name: 'r', labels: ['a'] },
      columns: { name: 'c', labels: ['x'] },
      values: [[4]],
    })
    const knowledge = t.cells.map(() => ({ lower: 1, upper: Number.POSITIVE_INFINITY }))
    const { intervals } = auditIntervals(
      t,
      knowledge,
      t.cells.map((c) => c.index),
      solver,
    )
    for (const interval of intervals.values())
      expect(interval).toEqual({ lower: 1, upper: Number.POSITIVE_INFINITY })
  })

  it('refuses published values that contradict the table', () => {
    const knowledge = table.cells.map((c) => ({
      lower: c.value + (c.level === 2 ? 1 : 0),
      upper: c.value + (c.level === 2 ? 1 : 0),
    }))
    expect(() => auditIntervals(table, knowledge, [0], solver)).toThrow(/not the sum of its parts/)
  })
})

describe('interval audit by maximum flow', { timeout: 60_000 }, () => {
  // One- and two-way tables of any shape, a random set of hidden cells (any of them, margins
  // included), and some shown cells published as ranges (rounded values, words).
  const caseArb = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }))
    .chain(([rows, columns]) =>
      fc.record({
        rows: fc.constant(rows),
        columns: fc.constant(columns),
        values: fc.array(fc.integer({ min: 0, max: 40 }), {
          minLength: rows * Math.max(1, columns),
          maxLength: rows * Math.max(1, columns),
        }),
        knowledge: fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant('shown' as const) },
            { weight: 3, arbitrary: fc.constant('hidden' as const) },
            { weight: 1, arbitrary: fc.tuple(fc.nat(6), fc.nat(6)) },
          ),
          { minLength: (rows + 1) * (columns + 1), maxLength: (rows + 1) * (columns + 1) },
        ),
        integer: fc.boolean(),
      }),
    )

  it('gives exactly the linear programme’s intervals, for every hidden cell', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, columns, values, knowledge, integer }) => {
        const dimensions = [
          { name: 'r', labels: Array.from({ length: rows }, (_, i) => `r${i}`) },
          ...(columns > 0
            ? [{ name: 'c', labels: Array.from({ length: columns }, (_, j) => `c${j}`) }]
            : []),
        ]
        const t = crossTable({
          id: 't',
          measure: 'm',
          integer,
          dimensions,
          interior: ([r, c]) =>
            (values[(r ?? 0) * Math.max(1, columns) + (c ?? 0)] ?? 0) / (integer ? 1 : 4),
        })
        const known: Bounds[] = t.cells.map((cell, i) => {
          const k = knowledge[i] ?? 'shown'
          if (k === 'shown') return { lower: cell.value, upper: cell.value }
          if (k === 'hidden') return { lower: 0, upper: Number.POSITIVE_INFINITY }
          return { lower: Math.max(0, cell.value - k[0]), upper: cell.value + k[1] }
        })
        const targets = t.cells.map((c) => c.index)
        const flow = auditIntervals(t, known, targets, solver)
        const lp = auditIntervals(t, known, targets, solver, { method: 'linear-programme' })
        expect(flow.solves).toBe(0)
        for (const target of targets) {
          const a = flow.intervals.get(target)
          const b = lp.intervals.get(target)
          expect(a?.upper === Number.POSITIVE_INFINITY).toBe(b?.upper === Number.POSITIVE_INFINITY)
          if (a?.upper !== Number.POSITIVE_INFINITY)
            expect(a?.upper).toBeCloseTo(b?.upper ?? Number.NaN, 6)
          expect(a?.lower).toBeCloseTo(b?.lower ?? Number.NaN, 6)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('interval audit over whole numbers', () => {
  it('matches integer programming where the linear programme’s optimum is fractional', () => {
    // Two "triangles" (a + b ≤ 1, b + c ≤ 1, a + c ≤ 1 through slack cells) and a published
    // cell w counting a, b, c of both. Over real numbers w can reach 1.5 + 1.5 = 3; over whole
    // numbers each triangle holds at most 1, so w ≤ 2 — the linear bound rounded down (3) would
    // promise a reader less than they can prove.
    const values = [
      ...[1, 0, 0, 0, 1, 0, 1, 1, 1], // a b c s1 s2 s3 T1 T2 T3 (first triangle)
      ...[1, 0, 0, 0, 1, 0, 1, 1, 1], // the second
      2, // w
    ]
    const relations = [0, 9].flatMap((o) => [
      { total: o + 6, parts: [o, o + 1, o + 3] },
      { total: o + 7, parts: [o + 1, o + 2, o + 4] },
      { total: o + 8, parts: [o, o + 2, o + 5] },
    ])
    relations.push({ total: 18, parts: [0, 1, 2, 9, 10, 11] })
    const system = {
      id: 'triangles',
      integer: true,
      cells: values.map((value, index) => ({ index, value, level: 0, key: `c${index}` })),
      relations,
    }
    const published = new Set([6, 7, 8, 15, 16, 17])
    const knowledge = values.map((v, i) =>
      published.has(i) ? { lower: v, upper: v } : { lower: 0, upper: Number.POSITIVE_INFINITY },
    )
    const whole = auditIntervals(system, knowledge, [18], solver)
    const real = auditIntervals(system, knowledge, [18], solver, { integer: false })
    expect(real.intervals.get(18)).toEqual({ lower: 0, upper: 3 })
    expect(whole.intervals.get(18)).toEqual({ lower: 0, upper: 2 })
  })
})
