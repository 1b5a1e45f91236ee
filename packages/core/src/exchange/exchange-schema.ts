import { z } from 'zod'
import { PEOPLE_IMPORT_FIELDS } from './people-import.js'

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'shift_jis'] as const

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')

/** A saved mapping: our field → the sheet's header. */
export const columnMappingSchema = z.partialRecord(
  z.enum(PEOPLE_IMPORT_FIELDS),
  z.string().trim().min(1).max(200),
)

/** The import's options, in the query (the body is the file itself). */
export const importQuerySchema = z.strictObject({
  compartmentId: z.string().min(1).max(100),
  /** Where the sheet comes from; its column mapping is saved under this name. */
  source: z.string().trim().min(1).max(100),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  /** Check every row and report, writing nothing. */
  dryRun: flag,
  /** Register rows that look like people already registered (after checking them). */
  acceptDuplicates: flag,
  /** A mapping for this file (JSON); without it, the source's saved one, else one guessed from the headers. */
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined
      try {
        const parsed = columnMappingSchema.safeParse(JSON.parse(text))
        if (parsed.success) return parsed.data
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'field.invalid' })
      return z.NEVER
    }),
})
export type ImportQuery = z.infer<typeof importQuerySchema>

const rowIssueView = z.object({
  /** The row number as the spreadsheet program shows it. */
  line: z.number().int(),
  field: z.string(),
  /** The sheet's header the field was mapped from (empty when unmapped). */
  header: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
})

/** What an import (or its dry run) found and did. Never a name: rows are named by number. */
export const importReportView = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'shift_jis']).nullable(),
  headers: z.array(z.string()),
  mapping: columnMappingSchema,
  /** Data rows in the file. */
  rows: z.number().int(),
  /** Rows that would be (or were) registered. */
  ready: z.number().int(),
  imported: z.number().int(),
  /** Rows an earlier import already registered (skipped). */
  alreadyImported: z.number().int(),
  rowsWithErrors: z.number().int(),
  /** The first problems (at most 500), in row order. */
  issues: z.array(rowIssueView),
  /** Rows that may be people already registered: their lines and the codes they may be. */
  possibleDuplicates: z.array(z.object({ line: z.number().int(), codes: z.array(z.string()) })),
})
export type ImportReport = z.infer<typeof importReportView>
export type ImportRowIssue = z.infer<typeof rowIssueView>

export const mappingParamsSchema = z.strictObject({ source: z.string().trim().min(1).max(100) })
export const mappingView = z.object({ source: z.string(), mapping: columnMappingSchema })
export const mappingListView = z.object({ items: z.array(mappingView), total: z.number().int() })
