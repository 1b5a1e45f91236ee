import type { RecordImportDefinition } from './record-import.js'
import { rowCells } from './record-import.js'

/** The columns of a sheet of distributions: a day and how many people received the allowance. */
export const DISTRIBUTION_IMPORT_FIELDS = ['ref', 'day', 'headcount'] as const
export type DistributionImportField = (typeof DISTRIBUTION_IMPORT_FIELDS)[number]

/** A headcount distribution as the supplies module records it (the compartment is the import's). */
export interface DistributionRow {
  day: string
  headcount: number
}

/** As many people as one distribution records (the supplies module's own limit). */
const MAX_HEADCOUNT = 500

export const distributionImport: RecordImportDefinition<DistributionImportField, DistributionRow> =
  {
    fields: DISTRIBUTION_IMPORT_FIELDS,
    aliases: {
      ref: ['ref', 'id', 'no', 'no.', '番号', '管理番号', '整理番号'],
      day: ['day', 'date', '日付', '配布日', '支給日'],
      headcount: ['headcount', 'people', 'count', '人数', '配布人数', '支給人数'],
    },
    read(cell, today) {
      const row = rowCells(cell)
      const ref = row.text('ref')
      const day = row.day('day', today)
      const headcount = row.whole('headcount', 1, MAX_HEADCOUNT)
      if (row.issues.length > 0 || day === null || headcount === null)
        return { ok: false, issues: row.issues }
      return { ok: true, value: { day, headcount }, ref: ref || null }
    },
    content: (d) => [d.day, d.headcount],
  }
