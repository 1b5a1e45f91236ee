import { beforeAll, describe, expect, it } from 'vitest'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { DEFAULT_POLICY, parsePolicy } from './policy.js'
import { protectTable } from './protect-table.js'
import { twoWayTable } from './table.js'
import { tableFigures } from './table-figures.js'

let solver: LpSolver
beforeAll(async () => {
  solver = await createHighsSolver()
})

const table = twoWayTable({
  id: 'resettlement',
  title: 'Resettlement by pathway',
  measure: 'resettled',
  rows: { name: 'pathway', labels: ['UNHCR', 'consulate'] },
  columns: { name: 'year', labels: ['2005', '2006'] },
  values: [
    [3, 20],
    [25, 30],
  ],
})

describe('tableFigures', () => {
  it('turns each cell into a figure with filters and its own period', () => {
    const figures = tableFigures(protectTable(table, DEFAULT_POLICY, { solver }), {
      population: 'people protected',
      period: { from: '2005-01-01', to: '2007-01-01' },
      periodDimension: 'year',
    })
    const byId = Object.fromEntries(figures.map((f) => [f.id, f]))
    expect(byId['resettlement:pathway=UNHCR|year=2005']).toMatchObject({
      definition: {
        filters: { pathway: { in: ['UNHCR'] } },
        period: { from: '2005-01-01', to: '2006-01-01' },
      },
      published: { kind: 'hidden', atLeast: 1, protection: 10 },
    })
    expect(byId['resettlement:pathway=*|year=*']).toMatchObject({
      definition: { filters: {}, period: { from: '2005-01-01', to: '2007-01-01' } },
      published: { kind: 'exact', value: 78 },
    })
    // "Total" means nobody is counted outside the listed pathways.
    expect(byId['resettlement:pathway=(other)']).toMatchObject({
      definition: { filters: { pathway: { notIn: ['UNHCR', 'consulate'] } } },
      published: { kind: 'exact', value: 0 },
    })
  })

  it('records words as ranges that keep their protection', () => {
    const policy = parsePolicy({ rules: { 'people-protected': { hiddenAs: 'words' } } })
    const result = protectTable(table, policy, { solver })
    const figures = tableFigures(result, {
      population: 'p',
      period: { from: '2005-01-01', to: '2007-01-01' },
      periodDimension: 'year',
    })
    expect(figures.find((f) => f.id.endsWith('pathway=UNHCR|year=2005'))?.published).toEqual({
      kind: 'range',
      lower: 1,
      upper: 11,
      protection: 10,
    })
  })

  it('refuses period labels with gaps', () => {
    const gappy = twoWayTable({
      id: 't',
      measure: 'm',
      rows: { name: 'r', labels: ['a'] },
      columns: { name: 'year', labels: ['2004', '2006'] },
      values: [[10, 10]],
    })
    expect(() =>
      tableFigures(protectTable(gappy, DEFAULT_POLICY, { solver }), {
        population: 'p',
        period: { from: '2004-01-01', to: '2007-01-01' },
        periodDimension: 'year',
      }),
    ).toThrow(/without gaps/)
  })
})
