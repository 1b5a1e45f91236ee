import { describe, expect, it } from 'vitest'
import { DisclosureError } from './errors.js'
import { cellLabels, crossTable, oneWayTable, twoWayTable } from './table.js'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof DisclosureError) return error.code
    throw error
  }
  return undefined
}

describe('tables', () => {
  it('builds a two-way table with every margin and its equations', () => {
    const table = twoWayTable({
      id: 'pathway-year',
      measure: 'protected',
      rows: { name: 'pathway', labels: ['UNHCR', 'consulate'] },
      columns: { name: 'year', labels: ['2005', '2006', '2007'] },
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    })
    expect(table.cells).toHaveLength(3 * 4)
    const byKey = Object.fromEntries(table.cells.map((c) => [c.key, c.value]))
    expect(byKey).toMatchObject({
      'pathway=UNHCR|year=*': 6,
      'pathway=*|year=2006': 7,
      'pathway=*|year=*': 21,
    })
    // 2 row sums + 3 column sums + the grand total both ways.
    expect(table.relations).toHaveLength(7)
    const grand = table.cells.find((c) => c.level === 2)
    expect(grand && cellLabels(table, grand)).toEqual(['Total', 'Total'])
  })

  it('checks given margins and names the one that does not add up', () => {
    const run = () =>
      twoWayTable({
        id: 't',
        measure: 'm',
        rows: { name: 'r', labels: ['a', 'b'] },
        columns: { name: 'c', labels: ['x'] },
        values: [[1], [2]],
        columnTotals: [4],
      })
    expect(codeOf(run)).toBe('inconsistent_margins')
    expect(run).toThrow(/r=\*\|c=x is 4 but its parts add up to 3/)
    expect(
      oneWayTable({
        id: 't',
        measure: 'm',
        dimension: { name: 'd', labels: ['a', 'b'] },
        values: [1, 2],
        total: 3,
      }).cells[2]?.value,
    ).toBe(3)
  })

  it.each([
    ['negative counts', { values: [[-1]] }],
    ['fractional counts', { values: [[1.5]] }],
    ['missing cells', { values: [[]] }],
    ['duplicate labels', { rows: { name: 'r', labels: ['a', 'a'] }, values: [[1], [1]] }],
    ['same dimension twice', { columns: { name: 'r', labels: ['x'] } }],
  ])('refuses %s with invalid_table', (_name, patch) => {
    const run = () =>
      twoWayTable({
        id: 't',
        measure: 'm',
        rows: { name: 'r', labels: ['a'] },
        columns: { name: 'c', labels: ['x'] },
        values: [[1]],
        ...patch,
      })
    expect(codeOf(run)).toBe('invalid_table')
  })

  it('allows fractional quantities when told the table is not of counts', () => {
    const table = oneWayTable({
      id: 'rice',
      measure: 'rice-t',
      integer: false,
      dimension: { name: 'place', labels: ['China', 'North Korea'] },
      values: [29.6, 10.2],
    })
    expect(table.cells[2]?.value).toBeCloseTo(39.8, 12)
  })

  it('builds three-dimensional tables: layers, their margins and the table of their sums', () => {
    const table = crossTable({
      id: 'linked',
      measure: 'm',
      dimensions: [
        { name: 'shelter', labels: ['a', 'b'] },
        { name: 'month', labels: ['1', '2', '3'] },
        { name: 'measure', labels: ['meals', 'kits'] },
      ],
      interior: ([s, m, k]) => (s ?? 0) + (m ?? 0) + (k ?? 0),
    })
    expect(table.cells).toHaveLength(3 * 4 * 3)
    // Each of the three directions contributes one equation per line of cells.
    expect(table.relations).toHaveLength(4 * 3 + 3 * 3 + 3 * 4)
    for (const relation of table.relations) {
      const sum = relation.parts.reduce((s, p) => s + (table.cells[p]?.value ?? 0), 0)
      expect(table.cells[relation.total]?.value).toBe(sum)
    }
  })
})
