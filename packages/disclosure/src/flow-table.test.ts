import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { flowTable } from './flow-table.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY, parsePolicy } from './policy.js'
import { protectTable } from './protect-table.js'
import { renderPublicTable } from './render-review.js'
import { oneWayTable } from './table.js'
import { tableFigures } from './table-figures.js'
import { checkPublished } from './testing/check-published.js'
import { publicView } from './testing/public-view.js'
import { read } from './testing/reader.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

// Section IV of the seed report: 32 sponsored at the start, 18 left, 2 graduated, 8 joined, 20 now.
const flow = {
  dimension: 'movement',
  start: 'at the start',
  inflows: ['joined'],
  outflows: ['left', 'graduated'],
  end: 'now',
}
const sponsorship = { 'at the start': 32, joined: 8, left: 18, graduated: 2, now: 20 }

describe('flow tables (issue #14)', () => {
  it('publishes the sponsorship flow without a meaningless total, and the identity protects nothing away', async () => {
    const table = flowTable({
      id: 'sponsorship',
      title: 'Education sponsorship',
      measure: 'sponsored',
      flow,
      values: sponsorship,
    })
    expect(table.cells.map((c) => c.key)).toEqual([
      'movement=at the start',
      'movement=joined',
      'movement=left',
      'movement=graduated',
      'movement=now',
    ])
    const published = protectTable(table, DEFAULT_POLICY, { solver })
    const grid = renderPublicTable(published, 'en')
    expect(grid).not.toContain('Total')
    expect(grid).not.toMatch(/\b(8|2)\b/)
    const reader = await read([publicView('fy2005', published)])
    checkPublished(reader, 'fy2005', published, DEFAULT_POLICY)
  })

  it('shows how the old one-way table leaked: its total and the flow identity give joined = 8', async () => {
    const old = protectTable(
      oneWayTable({
        id: 'sponsorship',
        measure: 'sponsored',
        dimension: { name: 'movement', labels: Object.keys(sponsorship) },
        values: Object.values(sponsorship),
      }),
      DEFAULT_POLICY,
      { solver },
    )
    // 32, —, —, —, 20, Total 80, as the audit of issue #14 found it.
    expect(old.cells.map((c) => (c.rendering.kind === 'number' ? c.rendering.value : '—'))).toEqual(
      [32, '—', '—', '—', 20, 80],
    )
    // A reader of the report knows the flow balances (32 − 18 − 2 + 8 = 20).
    const reader = await read([{ ...publicView('fy2005', old), flow }])
    expect(reader.cell({ release: 'fy2005', table: 'sponsorship', index: 1 }).whole).toEqual({
      lower: 8,
      upper: 8,
    })
  })

  it('refuses a flow that does not balance, naming the row and the arithmetic', () => {
    expect(() =>
      flowTable({ id: 't', measure: 'm', flow, values: { ...sponsorship, now: 21 } }),
    ).toThrow(/does not balance: 32 \+ 8 − 18 − 2 = 20, but "now" is 21/)
    expect(() =>
      flowTable({
        id: 't',
        measure: 'm',
        flow,
        by: {
          dimension: { name: 'school', labels: ['A', 'B'] },
          values: [sponsorship, { ...sponsorship, left: 17 }],
        },
      }),
    ).toThrow(/flow of B does not balance/)
    expect(() => flowTable({ id: 't', measure: 'm', flow, values: { joined: 1 } })).toThrow(
      /no value for "at the start"/,
    )
  })

  it('keeps the totals over a breakdown, and records each part of the flow as its own measure', () => {
    const table = flowTable({
      id: 'by-school',
      measure: 'sponsored',
      flow,
      by: {
        dimension: { name: 'school', labels: ['A', 'B'] },
        values: [
          { 'at the start': 20, joined: 5, left: 10, graduated: 1, now: 14 },
          { 'at the start': 12, joined: 3, left: 8, graduated: 1, now: 6 },
        ],
      },
    })
    const published = protectTable(table, DEFAULT_POLICY, { solver })
    const grid = renderPublicTable(published, 'en').split('\n')
    expect(grid[0]).toMatch(/school \\ movement\s+at the start\s+joined\s+left\s+graduated\s+now$/)
    expect(grid[3]).toMatch(/^\s+Total\s+32\s/)
    const figures = tableFigures(published, {
      population: 'children',
      period: { from: '2005-04-01', to: '2006-04-01' },
    })
    expect(figures.find((f) => f.id === 'by-school:school=*|movement=joined')?.definition).toEqual({
      measure: 'sponsored:joined',
      population: 'children',
      filters: {},
      period: { from: '2005-04-01', to: '2006-04-01' },
    })
    expect(
      figures.filter((f) => f.id.includes('(other)')).map((f) => f.definition.measure),
    ).toEqual([
      'sponsored:at the start',
      'sponsored:joined',
      'sponsored:left',
      'sponsored:graduated',
      'sponsored:now',
    ])
  })
})

describe('flow tables: properties checked by the reader', { timeout: 120_000 }, () => {
  const movement = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) },
    { weight: 2, arbitrary: fc.integer({ min: 10, max: 40 }) },
    { weight: 1, arbitrary: fc.constant(0) },
  )
  // start, joined, transferred in, left, graduated; the end follows (kept ≥ 0).
  const rowArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), movement, movement, movement, movement)
    .map(([start, joined, transferred, left, graduated]) => {
      const out = Math.min(left + graduated, start + joined + transferred)
      const l = Math.min(left, out)
      const g = out - l
      return {
        'at the start': start,
        joined,
        'transferred in': transferred,
        left: l,
        graduated: g,
        now: start + joined + transferred - out,
      }
    })
  const flowWithTransfers = { ...flow, inflows: ['joined', 'transferred in'] }
  const policies = {
    'protected (k = 10)': { policy: DEFAULT_POLICY, sensitivity: 'people-protected' as const },
    'served, words (k = 5)': {
      policy: parsePolicy({ rules: { 'people-served': { hiddenAs: 'words' } } }),
      sensitivity: 'people-served' as const,
    },
  }
  for (const [name, { policy, sensitivity }] of Object.entries(policies)) {
    it(`one flow, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(rowArb, async (values) => {
          const table = flowTable({
            id: 'f',
            measure: 'sponsored',
            flow: flowWithTransfers,
            values,
          })
          const published = protectTable(table, policy, { solver, sensitivity })
          checkPublished(await read([publicView('r', published)]), 'r', published, policy)
        }),
        { numRuns: 40 },
      )
    })
    it(`flows by school with their totals, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 3 }), async (rows) => {
          const table = flowTable({
            id: 'f',
            measure: 'sponsored',
            flow: flowWithTransfers,
            by: {
              dimension: { name: 'school', labels: rows.map((_, i) => `S${i}`) },
              values: rows,
            },
          })
          const published = protectTable(table, policy, { solver, sensitivity })
          checkPublished(await read([publicView('r', published)]), 'r', published, policy)
        }),
        { numRuns: 25 },
      )
    })
  }
})
