import { beforeAll, describe, expect, it } from 'vitest'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY } from './policy.js'
import { protectTable } from './protect-table.js'
import { describeFinding, renderPublicTable, renderReview } from './render-review.js'
import { buildReview } from './review.js'
import { twoWayTable } from './table.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const table = twoWayTable({
  id: 'shelters',
  title: 'Children by shelter',
  measure: 'protected',
  rows: { name: 'shelter', labels: ['JRL-01', 'YAN-02', 'SHN-03'] },
  columns: { name: 'term', labels: ['spring', 'autumn'] },
  values: [
    [16, 0],
    [2, 11],
    [14, 12],
  ],
})

describe('disclosure review', () => {
  it('lists every altered cell with its truth and what a reader can infer, in both languages', () => {
    const protectedTable = protectTable(table, DEFAULT_POLICY, { solver })
    const review = buildReview({
      releaseId: 'r1',
      title: 'Report',
      date: '2006-06-30',
      tables: [protectedTable],
    })
    expect(review.refused).toBe(false)
    const altered = review.tables[0]?.altered ?? []
    expect(altered.length).toBe(protectedTable.stats.primaries + protectedTable.stats.complementary)
    const en = renderReview(review, 'en')
    const ja = renderReview(review, 'ja')
    expect(en).toContain('YAN-02 / spring: shown as —; true value 2; below the threshold')
    expect(ja).toContain('YAN-02 / spring: 表示「—」、真の値 2、しきい値未満')
    // The zero shown is a risk worth naming; so are outside knowledge and the missing ledger.
    expect(en).toContain('shows zeros')
    expect(ja).toContain('ゼロを表示')
    expect(en).toContain('No ledger of earlier releases')
    expect(ja).toContain('台帳')
    for (const text of [en, ja]) expect(text).not.toMatch(/undefined|NaN|\{\w+\}/)
  })

  it('aligns the public grid, Japanese words included', () => {
    const grid = renderPublicTable(protectTable(table, DEFAULT_POLICY, { solver }), 'ja')
    const lines = grid.split('\n')
    expect(lines[0]).toContain('shelter \\ term')
    expect(lines.at(-1)).toMatch(/^ {2}合計/)
  })

  it('words refusals from the differencing guard in both languages', () => {
    const finding = {
      kind: 'difference',
      figures: [
        { releaseId: 'fy2006', id: 'a', label: 'Resettled since 2000' },
        { releaseId: 'fy2005', id: 'b', label: 'Resettled since 2000' },
      ],
      values: [
        { lower: 63, upper: 63 },
        { lower: 57, upper: 57 },
      ],
      derived: { lower: 6, upper: 6 },
      description: { periods: [{ from: '2006-01-01', to: '2007-01-01' }] },
      threshold: 10,
      alreadyRevealed: false,
    } as const
    expect(describeFinding(finding, 'en')).toBe(
      '“Resettled since 2000” (fy2006) minus “Resettled since 2000” (fy2005) gives 63 − 57 = 6, the count for the period 2006-01-01/2007-01-01: below 10.',
    )
    expect(describeFinding(finding, 'ja')).toBe(
      '「Resettled since 2000」(fy2006)から「Resettled since 2000」(fy2005)を引くと63 − 57 = 6となり、期間 2006-01-01/2007-01-01の数が10未満であることが分かります。',
    )
    const review = buildReview({
      releaseId: 'fy2006',
      title: 'Report',
      date: '2007-06-30',
      tables: [],
      differencing: { refusals: [finding], risks: [], partiallyChecked: [], groupsChecked: 1 },
    })
    expect(review.refused).toBe(true)
    expect(renderReview(review, 'en')).toContain('REFUSED')
  })
})
