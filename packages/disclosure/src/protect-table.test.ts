import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY, type DisclosurePolicy, parsePolicy } from './policy.js'
import { protectTable } from './protect-table.js'
import type { ProtectedTable } from './protected-table.js'
import { roundingKey } from './rounding.js'
import { crossTable, type StatTable, twoWayTable } from './table.js'
import { checkPublished } from './testing/check-published.js'
import { publicView } from './testing/public-view.js'
import { read } from './testing/reader.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const key = roundingKey(new Uint8Array(32).fill(7))

/** Counts as a field report has them: many moderate, some small, a few zeros. */
const countArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 80 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.constant(0) },
)

const oneWayArb = fc.array(countArb, { minLength: 1, maxLength: 8 }).map((values) =>
  crossTable({
    id: 'one-way',
    measure: 'protected',
    dimensions: [{ name: 'pathway', labels: values.map((_, i) => `p${i}`) }],
    interior: ([i]) => values[i ?? 0] ?? 0,
  }),
)

const twoWayArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(countArb, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map((grid) =>
    twoWayTable({
      id: 'two-way',
      measure: 'protected',
      rows: { name: 'shelter', labels: grid.map((_, i) => `s${i}`) },
      columns: { name: 'month', labels: (grid[0] ?? []).map((_, j) => `m${j}`) },
      values: grid,
    }),
  )

const policies: Record<
  string,
  { policy: DisclosurePolicy; sensitivity: 'people-protected' | 'people-served' }
> = {
  'protected, dashes (k = 10)': { policy: DEFAULT_POLICY, sensitivity: 'people-protected' },
  'protected, words, zeros hidden': {
    policy: parsePolicy({
      rules: {
        'people-protected': {
          showZero: false,
          hiddenAs: 'words',
          words: [
            { from: 0, to: 10, en: 'ten or fewer', ja: '十名以下' },
            { from: 11, to: 29, en: 'more than ten', ja: '十名以上' },
            { from: 30, to: null, en: 'dozens or more', ja: '数十名以上' },
          ],
        },
      },
    }),
    sensitivity: 'people-protected',
  },
  'served, rounded to 5, words (k = 5)': {
    policy: parsePolicy({
      rules: { 'people-served': { rounding: { base: 5 }, hiddenAs: 'words' } },
    }),
    sensitivity: 'people-served',
  },
  'served, ratio 50 %': {
    policy: parsePolicy({
      rules: { 'people-served': { protection: { minWidth: null, ratio: 0.5 } } },
    }),
    sensitivity: 'people-served',
  },
}

async function checkAlone(table: StatTable, policy: DisclosurePolicy, result: ProtectedTable) {
  expect(result.cells.map((c) => c.explanation.trueValue)).toEqual(table.cells.map((c) => c.value))
  checkPublished(await read([publicView('r', result)]), 'r', result, policy)
}

// Property tests run hundreds of cases: give them time on a small, busy machine.
describe('protectTable: properties checked by an independent attacker', { timeout: 60_000 }, () => {
  for (const [name, { policy, sensitivity }] of Object.entries(policies)) {
    it(`one-way tables, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(oneWayArb, async (table) => {
          const result = protectTable(table, policy, { solver, sensitivity, rounding: key })
          await checkAlone(table, policy, result)
        }),
        { numRuns: 60 },
      )
    })

    it(`two-way tables, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(twoWayArb, async (table) => {
          const result = protectTable(table, policy, { solver, sensitivity, rounding: key })
          await checkAlone(table, policy, result)
        }),
        { numRuns: 60 },
      )
    })
  }

  it('three-way tables (linked layers) are protected through the linear programme', async () => {
    const threeWayArb = fc
      .tuple(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 3 }),
      )
      .chain(([a, b, c]) =>
        fc.tuple(
          fc.constant([a, b, c] as const),
          fc.array(countArb, { minLength: a * b * c, maxLength: a * b * c }),
        ),
      )
      .map(([[a, b, c], values]) =>
        crossTable({
          id: 'three-way',
          measure: 'protected',
          dimensions: [
            { name: 'shelter', labels: Array.from({ length: a }, (_, i) => `s${i}`) },
            { name: 'month', labels: Array.from({ length: b }, (_, i) => `m${i}`) },
            { name: 'pathway', labels: Array.from({ length: c }, (_, i) => `p${i}`) },
          ],
          interior: ([i, j, l]) => values[((i ?? 0) * b + (j ?? 0)) * c + (l ?? 0)] ?? 0,
        }),
      )
    await fc.assert(
      fc.asyncProperty(threeWayArb, async (table) => {
        const result = protectTable(table, DEFAULT_POLICY, { solver })
        expect(result.stats.method === 'linear-programme' || result.stats.method === 'none').toBe(
          true,
        )
        await checkAlone(table, DEFAULT_POLICY, result)
      }),
      { numRuns: 25 },
    )
  })

  it('rounds consistently: one cell, one true value, one published value, in every table and release', () => {
    const policy = parsePolicy({ rules: { 'people-served': { rounding: { base: 5 } } } })
    fc.assert(
      fc.property(twoWayArb, twoWayArb, (a, b) => {
        const seen = new Map<string, number>()
        // Each table twice, as two releases would, with the key made again from the secret.
        for (const table of [a, b, a, b]) {
          const result = protectTable(table, policy, {
            solver,
            sensitivity: 'people-served',
            rounding: roundingKey(new Uint8Array(32).fill(7)),
          })
          for (const cell of result.cells) {
            if (cell.rendering.kind !== 'rounded') continue
            const id = `${cell.key}|${cell.explanation.trueValue}`
            const before = seen.get(id)
            if (before !== undefined) expect(cell.rendering.value).toBe(before)
            seen.set(id, cell.rendering.value)
          }
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('protectTable: the classic cases', () => {
  it('hides a second cell in the row and column of a small one, never a total when a cell will do', async () => {
    const table = twoWayTable({
      id: 'shelter-month',
      measure: 'protected',
      rows: { name: 'shelter', labels: ['JRL-01', 'YAN-02', 'SHN-03'] },
      columns: { name: 'month', labels: ['Jan', 'Feb', 'Mar'] },
      values: [
        [3, 20, 25],
        [18, 22, 30],
        [27, 19, 24],
      ],
    })
    const result = protectTable(table, DEFAULT_POLICY, { solver })
    const hidden = result.cells.filter((c) => c.rendering.kind === 'suppressed')
    expect(hidden.map((c) => c.key)).toContain('shelter=JRL-01|month=Jan')
    expect(hidden.length).toBe(4) // a rectangle: the smallest way to protect one cell
    expect(hidden.every((c) => c.level === 0)).toBe(true)
    expect(result.stats).toMatchObject({ primaries: 1, complementary: 3, method: 'network' })
    await checkAlone(table, DEFAULT_POLICY, result)
  })

  it('publishes a table with nothing small untouched', () => {
    const table = twoWayTable({
      id: 't',
      measure: 'protected',
      rows: { name: 'r', labels: ['a', 'b'] },
      columns: { name: 'c', labels: ['x', 'y'] },
      values: [
        [12, 40],
        [33, 0],
      ],
    })
    const result = protectTable(table, DEFAULT_POLICY, { solver })
    expect(result.cells.every((c) => c.rendering.kind === 'number')).toBe(true)
    expect(result.footnotes).toEqual([])
    expect(result.stats.method).toBe('none')
  })

  it('hides a small total too: a margin below k is a small count', async () => {
    const table = twoWayTable({
      id: 't',
      measure: 'protected',
      rows: { name: 'pathway', labels: ['UNHCR', 'consulate', 'underground'] },
      columns: { name: 'year', labels: ['2005', '2006'] },
      values: [
        [2, 3],
        [15, 12],
        [0, 4],
      ],
    })
    const result = protectTable(table, DEFAULT_POLICY, { solver })
    const row = (label: string) => result.cells.find((c) => c.key === `pathway=${label}|year=*`)
    expect(row('UNHCR')?.rendering.kind).toBe('suppressed')
    expect(row('underground')?.rendering.kind).toBe('suppressed')
    await checkAlone(table, DEFAULT_POLICY, result)
  })

  it('explains every cell privately: truth, rule and what a reader can infer', () => {
    const table = twoWayTable({
      id: 't',
      measure: 'protected',
      rows: { name: 'r', labels: ['a', 'b'] },
      columns: { name: 'c', labels: ['x', 'y'] },
      values: [
        [4, 30],
        [25, 40],
      ],
    })
    const result = protectTable(table, DEFAULT_POLICY, { solver })
    const small = result.cells.find((c) => c.key === 'r=a|c=x')
    expect(small?.explanation).toMatchObject({
      trueValue: 4,
      rules: ['threshold'],
      requiredWidth: 10,
    })
    expect(
      (small?.explanation.interval.upper ?? 0) - (small?.explanation.interval.lower ?? 0),
    ).toBeGreaterThanOrEqual(10)
    const shown = result.cells.find((c) => c.level === 2)
    expect(shown?.explanation).toEqual({
      trueValue: 99,
      rules: ['shown'],
      interval: { lower: 99, upper: 99 },
    })
  })

  it('refuses a rounding policy without a release key', () => {
    const policy = parsePolicy({ rules: { 'people-served': { rounding: { base: 5 } } } })
    const table = twoWayTable({
      id: 't',
      measure: 'meals',
      rows: { name: 'r', labels: ['a'] },
      columns: { name: 'c', labels: ['x'] },
      values: [[12]],
    })
    expect(() => protectTable(table, policy, { solver, sensitivity: 'people-served' })).toThrow(
      /rounding key/,
    )
  })
})
