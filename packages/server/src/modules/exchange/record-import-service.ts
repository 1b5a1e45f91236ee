import type { ImportRowIssue } from '@haven/core/exchange/exchange-schema'
import {
  guessRecordMapping,
  type RecordImportDefinition,
  recordRowIdentity,
} from '@haven/core/exchange/record-import'
import type {
  CompartmentRecordImportQuery,
  RecordImportKind,
  RecordImportQuery,
  RecordImportReport,
} from '@haven/core/exchange/record-import-schema'
import type { z } from 'zod'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { HavenError } from '../../http/haven-error.js'
import {
  findMapping,
  importedKeys,
  inRowSavepoint,
  insertImportedRows,
  saveMapping,
} from './exchange-store.js'
import { cellReader, isBlank, rowKeys, rowsInFile } from './import-rows.js'
import {
  type ImportFile,
  openSheet,
  type TextEncodingChoice,
  uploadedSheet,
} from './spreadsheet-reader.js'

/** The report lists this many problems; the count says how many rows have one. */
const MAX_ISSUES = 500
/** Rows whose keys are looked up per round trip. */
const BATCH = 500

/** The query of a records import: a compartment named only for kinds recorded in one. */
export type RecordImportQueryOf<C extends boolean> = C extends true
  ? CompartmentRecordImportQuery
  : RecordImportQuery

/**
 * One kind of record a spreadsheet can hold: its columns and rows (core's definition), where its
 * row keys are kept, and how a row is written — through the owning module's front door, in the
 * import's transaction, so the module's own rules (caps, closed months, rates) refuse a row.
 */
export interface RecordImportKindDefinition<F extends string, T, C extends boolean = boolean> {
  name: RecordImportKind
  definition: RecordImportDefinition<F, T>
  /** Recorded in a compartment the request names (else the organisation's, found by the kind). */
  inCompartment: C
  /** The request's query: with the compartment exactly when the kind is recorded in one. */
  query: z.ZodType<RecordImportQueryOf<C>>
  /**
   * The compartment the rows are recorded in (the one the request names, checked writable when
   * writing) or, for the organisation's records, the one whose index key keys their rows.
   */
  compartment(app: AppContext, named: string | undefined, writing: boolean): Promise<string>
  /** Writes one row; returns the id of the record it became. */
  write(app: AppContext, trx: Db, compartmentId: string, value: T, by: Actorish): Promise<string>
}

export interface RecordImport {
  /** The compartment the request names (kinds recorded in a compartment). */
  compartmentId?: string | undefined
  source: string
  encoding: TextEncodingChoice
  dryRun: boolean
  /** This file's mapping; otherwise the source's saved one, otherwise guessed from the headers. */
  mapping?: Readonly<Record<string, string>> | undefined
  /** Told how many data rows were checked (and written, in the rehearsal or for real). */
  onProgress?: (done: number) => void
}

/** Thrown inside the transaction to undo a dry run, or an import with a refused row. */
class UndoImport extends Error {}

/**
 * Imports records of one kind from a CSV or XLSX file, in one pass and one transaction: each row
 * is read (every problem listed), keyed (a row imported before is skipped; the same row twice in
 * the file is a problem), and written through the owning module, each row in a savepoint so a row
 * the module refuses is reported with the module's own message and undoes only itself. A dry run,
 * or a file with any problem, is then undone whole: the dry run reports exactly what the import
 * would meet, and an import writes all its rows or none.
 */
export async function importRecords<F extends string, T>(
  app: AppContext,
  kind: RecordImportKindDefinition<F, T>,
  upload: ImportFile | undefined,
  options: RecordImport,
  by: Actorish,
): Promise<RecordImportReport> {
  // Before anything else: an empty upload is answered the same whoever may import what.
  const file = uploadedSheet(upload)
  const db = app.database.db
  const compartmentId = await kind.compartment(app, options.compartmentId, !options.dryRun)
  const { definition } = kind
  const unknown = Object.keys(options.mapping ?? {}).filter(
    (f) => !(definition.fields as readonly string[]).includes(f),
  )
  if (unknown.length > 0)
    throw errors.validationFailed([
      {
        path: 'mapping',
        key: 'field.invalid_value',
        params: { options: definition.fields.join(', ') },
      },
    ])
  const sheet = await openSheet(file, options.encoding)
  const saved = await findMapping(db, kind.name, options.source)
  const mapping =
    (options.mapping as Partial<Record<F, string>> | undefined) ??
    mappingFor(definition, sheet.headers, saved?.mapping)
  const cellOf = cellReader(sheet.headers, mapping)
  const on = today(app)

  const report: RecordImportReport = {
    kind: kind.name,
    dryRun: options.dryRun,
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    mapping: mapping as Record<string, string>,
    rows: 0,
    ready: 0,
    imported: 0,
    alreadyImported: 0,
    rowsWithErrors: 0,
    issues: [],
    possibleDuplicates: [],
  }
  const issue = (line: number, i: Omit<ImportRowIssue, 'line' | 'header'>) => {
    if (report.issues.length < MAX_ISSUES)
      report.issues.push({ line, header: i.field ? (mapping[i.field as F] ?? '') : '', ...i })
  }

  interface Pending {
    line: number
    value: T
    key: string
    keys: string[]
  }
  const inFile = rowsInFile('exchange.same_row_in_file')
  const written: { key: string; entityId: string }[] = []

  const writeBatch = async (trx: Db, batch: Pending[]) => {
    const done = await importedKeys(
      trx,
      compartmentId,
      batch.flatMap((r) => r.keys),
    )
    for (const row of batch) {
      if (row.keys.some((k) => done.has(k))) {
        report.alreadyImported++
        continue
      }
      try {
        const entityId = await inRowSavepoint(trx, () =>
          kind.write(app, trx, compartmentId, row.value, by),
        )
        written.push({ key: row.key, entityId })
        report.ready++
      } catch (error) {
        if (!(error instanceof HavenError) || error.status >= 500) throw error
        report.rowsWithErrors++
        // A module's refusal names its field (validation) or the whole row (a cap reached).
        if (error.fields.length > 0)
          for (const f of error.fields) issue(row.line, { field: '', key: f.key, params: f.params })
        else issue(row.line, { field: '', key: error.messageKey, params: error.params })
      }
    }
    if (written.length > 0 && !options.dryRun) {
      const now = app.now().toISOString()
      await insertImportedRows(
        trx,
        written.map((w) => ({
          compartment_id: compartmentId,
          row_key: w.key,
          kind: kind.name,
          entity_id: w.entityId,
          source: options.source,
          created_at: now,
        })),
      )
    }
    report.imported += written.length
    written.length = 0
    options.onProgress?.(report.rows)
  }

  try {
    await db.transaction().execute(async (trx) => {
      let batch: Pending[] = []
      for await (const row of sheet.rows) {
        if (isBlank(row)) continue
        report.rows++
        const result = definition.read((field) => cellOf(row, field), on)
        if (!result.ok) {
          report.rowsWithErrors++
          for (const i of result.issues) issue(row.line, i)
          continue
        }
        const keys = await rowKeys(
          app,
          trx,
          compartmentId,
          kind.name,
          options.source,
          recordRowIdentity(definition, result),
        )
        const repeated = inFile.repeated(keys.key, row.line, result.ref)
        if (repeated !== null) {
          report.rowsWithErrors++
          issue(row.line, repeated)
          continue
        }
        batch.push({ line: row.line, value: result.value, ...keys })
        if (batch.length >= BATCH) {
          await writeBatch(trx, batch)
          batch = []
        }
      }
      await writeBatch(trx, batch)
      if (options.dryRun || report.rowsWithErrors > 0) throw new UndoImport()
      await saveMapping(trx, {
        kind: kind.name,
        source: options.source,
        mapping: JSON.stringify(mapping),
        updated_at: app.now().toISOString(),
        updated_by: by.actorId,
      })
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'exchange.records_imported',
        entityType: 'Compartment',
        entityId: compartmentId,
        compartmentId,
        requestId: by.requestId,
        details: {
          kind: kind.name,
          format: report.format,
          rows: report.rows,
          imported: report.imported,
          alreadyImported: report.alreadyImported,
        },
      })
    })
  } catch (error) {
    if (!(error instanceof UndoImport)) {
      // Another import of the same rows committed first (the row keys are unique): nothing of
      // this one was written, and checking the file again shows those rows as imported.
      if (isUniqueViolation(error)) throw errors.importConflict()
      throw error
    }
  }
  inFile.clear()
  // The module's refusals were found a batch after the rows' own problems: in row order again.
  report.issues.sort((a, b) => a.line - b.line)
  if (options.dryRun) {
    // Rehearsed and undone: what would be imported.
    report.imported = 0
    return report
  }
  if (report.rowsWithErrors > 0) throw errors.importHasErrors({ rows: report.rowsWithErrors })
  return report
}

/**
 * The source's saved mapping where this file has those headers, and a guess from the headers
 * for the rest (a source's next sheet may have a column more, or one renamed).
 */
function mappingFor<F extends string>(
  definition: RecordImportDefinition<F, unknown>,
  headers: readonly string[],
  saved: string | undefined,
): Partial<Record<F, string>> {
  const mapping = guessRecordMapping(definition, headers)
  if (saved === undefined) return mapping
  const kept = Object.entries(JSON.parse(saved) as Record<string, string>).filter(
    ([field, header]) =>
      (definition.fields as readonly string[]).includes(field) && headers.includes(header),
  ) as [F, string][]
  const claimed = new Set(kept.map(([, header]) => header))
  for (const [field, header] of Object.entries(mapping) as [F, string][])
    if (claimed.has(header)) delete mapping[field]
  for (const [field, header] of kept) mapping[field] = header
  return mapping
}
