import { z } from 'zod'
import { IMPORT_ENCODINGS, importReportView } from './exchange-schema.js'

/** The kinds of records imported from spreadsheets besides people. */
export const RECORD_IMPORT_KINDS = [
  'distributions',
  'donations',
  'partners',
  'sponsors',
  'supplies',
] as const
export type RecordImportKind = (typeof RECORD_IMPORT_KINDS)[number]

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')

/** A mapping: our field → the sheet's header (the kind's fields are checked by the server). */
export const recordMappingSchema = z.record(
  z.string().regex(/^[a-z_]{1,40}$/),
  z.string().trim().min(1).max(200),
)

/** An import's options, in the query (the body is the file itself). */
export const recordImportQuery = z.strictObject({
  /** Where the sheet comes from; its column mapping is saved under this name. */
  source: z.string().trim().min(1).max(100),
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  /** Check every row, writing it and undoing it all, so the owning module's rules answer. */
  dryRun: flag,
  /** A mapping for this file (JSON); without it, the source's saved one, else one guessed. */
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined
      try {
        const parsed = recordMappingSchema.safeParse(JSON.parse(text))
        if (parsed.success) return parsed.data
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'field.invalid' })
      return z.NEVER
    }),
})
export type RecordImportQuery = z.infer<typeof recordImportQuery>

/** The query of a kind recorded in a compartment (distributions): which one. */
export const compartmentRecordImportQuery = recordImportQuery.extend({
  compartmentId: z.string().min(1).max(100),
})
export type CompartmentRecordImportQuery = z.infer<typeof compartmentRecordImportQuery>

/** What a records import (or its dry run) found and did; rows are named by number only. */
export const recordImportReportView = importReportView.extend({
  kind: z.enum(RECORD_IMPORT_KINDS),
  mapping: recordMappingSchema,
})
export type RecordImportReport = z.infer<typeof recordImportReportView>
