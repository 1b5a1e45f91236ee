import { DisclosureError, oneWayTable, type StatTable, twoWayTable } from '@haven/disclosure'
import { parse } from 'csv-parse/sync'

/**
 * The CSV layout `haven disclosure check` reads:
 *
 *   pathway \ half,H1,H2,Total
 *   UNHCR,4,16,20
 *   Japanese consulate,12,3,15
 *   Total,16,19,35
 *
 * - The top-left cell names the dimensions, rows then columns, separated by a backslash.
 *   Without a backslash and with a single column of values it is a one-way table: the
 *   top-left cell names the dimension and the column header names the measure.
 * - The other header cells are column labels; the first cell of each row is its label.
 * - A column or row labelled "Total" (or 合計) holds margins. It is optional; when present
 *   every total must equal the sum of its parts, or the table is refused.
 * - Values are whole numbers for counts of people, decimals for quantities; no empty cells.
 */
export interface CsvTable {
  readonly table: StatTable
  readonly rowDimension: string
  readonly columnDimension?: string
}

const TOTAL = /^(total|合計|計)$/i

function fail(file: string, problem: string): DisclosureError {
  return new DisclosureError('invalid_table', `${file}: ${problem}.`, [problem])
}

export function readTableCsv(
  text: string,
  options: {
    readonly file: string
    readonly id: string
    readonly title: string
    readonly measure?: string
    readonly integer: boolean
  },
): CsvTable {
  const { file } = options
  let records: string[][]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    })
  } catch (error) {
    throw fail(file, `not valid CSV (${(error as Error).message})`)
  }
  const [header, ...body] = records
  if (!header || header.length < 2)
    throw fail(file, 'the first row must name the dimensions and label the columns')
  const corner = header[0] ?? ''
  const [rowDimension = '', columnDimension] = corner.split('\\').map((s) => s.trim())
  if (!rowDimension)
    throw fail(file, 'the top-left cell must name the row dimension ("pathway \\ year")')
  const columns = header.slice(1)
  const totalColumn = columns.findIndex((c) => TOTAL.test(c))
  if (totalColumn >= 0 && totalColumn !== columns.length - 1)
    throw fail(file, 'the Total column must be the last')
  const columnLabels = totalColumn >= 0 ? columns.slice(0, -1) : columns
  const rows = body.filter((r) => !TOTAL.test(r[0] ?? ''))
  const totalRow = body.find((r) => TOTAL.test(r[0] ?? ''))
  if (totalRow && body.indexOf(totalRow) !== body.length - 1)
    throw fail(file, 'the Total row must be the last')
  if (rows.length === 0) throw fail(file, 'there are no rows of values')

  const value = (cell: string | undefined, where: string): number => {
    const t = (cell ?? '').replaceAll(',', '').trim()
    if (!/^-?\d+(\.\d+)?$/.test(t)) throw fail(file, `${where} is "${cell ?? ''}", not a number`)
    return Number(t)
  }
  const grid = rows.map((r) =>
    columnLabels.map((c, j) => value(r[j + 1], `the cell ${r[0]} / ${c}`)),
  )
  const rowLabels = rows.map((r) => r[0] ?? '')
  const common = { id: options.id, title: options.title, integer: options.integer }

  if (!columnDimension && columnLabels.length === 1 && totalColumn < 0) {
    const measure = options.measure ?? columnLabels[0] ?? 'count'
    return {
      table: oneWayTable({
        ...common,
        measure,
        dimension: { name: rowDimension, labels: rowLabels },
        values: grid.map((r) => r[0] ?? Number.NaN),
        ...(totalRow ? { total: value(totalRow[1], 'the Total') } : {}),
      }),
      rowDimension,
    }
  }
  const name = columnDimension || 'column'
  return {
    table: twoWayTable({
      ...common,
      measure: options.measure ?? 'count',
      rows: { name: rowDimension, labels: rowLabels },
      columns: { name, labels: columnLabels },
      values: grid,
      ...(totalColumn >= 0
        ? { rowTotals: rows.map((r) => value(r[columns.length], `the total of ${r[0]}`)) }
        : {}),
      ...(totalRow
        ? { columnTotals: columnLabels.map((c, j) => value(totalRow[j + 1], `the total of ${c}`)) }
        : {}),
      ...(totalRow && totalColumn >= 0
        ? { grandTotal: value(totalRow[columns.length], 'the grand total') }
        : {}),
    }),
    rowDimension,
    columnDimension: name,
  }
}
