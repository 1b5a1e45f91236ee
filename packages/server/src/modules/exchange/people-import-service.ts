import type { ImportReport, ImportRowIssue } from '@haven/core/exchange/exchange-schema'
import {
  type ColumnMapping,
  guessMapping,
  type PeopleImportField,
  personFromRow,
  type RowResult,
  rowIdentity,
} from '@haven/core/exchange/people-import'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import { errors } from '../../http/errors.js'
import { duplicateMatchesMany, registerPeopleIn } from '../people/index.js'
import { findMapping, importedKeys, insertImportedRows, saveMapping } from './exchange-store.js'
import { cellReader, isBlank, rowKeys, rowsInFile } from './import-rows.js'
import {
  type ImportFile,
  openSheet,
  type TextEncodingChoice,
  uploadedSheet,
} from './spreadsheet-reader.js'

const KIND = 'people'
/** The report lists this many problems; the count says how many rows have one. */
const MAX_ISSUES = 500
/** Rows checked (keys, duplicates) and written per round trip. */
const BATCH = 500

export interface PeopleImport {
  compartmentId: string
  source: string
  encoding: TextEncodingChoice
  dryRun: boolean
  acceptDuplicates: boolean
  /** This file's mapping; otherwise the source's saved one, otherwise guessed from the headers. */
  mapping?: ColumnMapping | undefined
  /** Told how many data rows were checked and written so far (for a progress bar). */
  onProgress?: (phase: 'check' | 'write', done: number) => void
}

interface CheckedRow {
  line: number
  result: Extract<RowResult, { ok: true }>
  /** The key stored for the row (under the current index key). */
  key: string
  /** The keys it may have been stored under before (every index key version, current first). */
  keys: string[]
}

/** Possible duplicates listed per row. */
const MATCHES_PER_ROW = 20

/**
 * Imports people from a CSV or XLSX file. The file is read twice, row by row: first every row is
 * checked (fields, repeats inside the file, rows imported before, possible duplicates of people
 * already registered), which is all a dry run does; then, only if no row has a problem, every new
 * row is registered through people's own write path inside one transaction, so a failure leaves
 * nothing behind. Rows imported before are skipped, so importing the same file twice adds nothing.
 */
export async function importPeople(
  app: AppContext,
  upload: ImportFile | undefined,
  options: PeopleImport,
  by: Actorish,
): Promise<ImportReport> {
  // Before anything else: an empty upload is answered the same whoever may import what.
  const file = uploadedSheet(upload)
  const db = app.database.db
  const compartment = await findCompartment(db, options.compartmentId)
  if (!compartment) throw errors.notFound()
  if (!options.dryRun) await assertCompartmentWritable(db, compartment)
  const first = await openSheet(file, options.encoding)
  const saved = await findMapping(db, KIND, options.source)
  const mapping = options.mapping ?? mappingFor(first.headers, saved?.mapping)
  const reader = cellReader(first.headers, mapping)
  const on = today(app)

  const report: ImportReport = {
    dryRun: options.dryRun,
    format: first.format,
    encoding: first.encoding,
    headers: first.headers,
    mapping,
    rows: 0,
    ready: 0,
    imported: 0,
    alreadyImported: 0,
    rowsWithErrors: 0,
    issues: [],
    possibleDuplicates: [],
  }
  const inFile = rowsInFile('exchange.duplicate_in_file')
  const issue = (line: number, i: Omit<ImportRowIssue, 'line' | 'header'>) => {
    if (report.issues.length < MAX_ISSUES)
      report.issues.push({
        line,
        header: i.field ? (mapping[i.field as PeopleImportField] ?? '') : '',
        ...i,
      })
  }

  const checkBatch = async (batch: CheckedRow[]) => {
    const done = await importedKeys(
      db,
      compartment.id,
      batch.flatMap((r) => r.keys),
    )
    const fresh = batch.filter((row) => !row.keys.some((k) => done.has(k)))
    report.alreadyImported += batch.length - fresh.length
    report.ready += fresh.length
    const matches = await duplicateMatchesMany(
      app,
      db,
      [compartment.id],
      fresh.map((row) => ({
        names: row.result.person.identity.names.map((n) => n.value),
        birthYear: row.result.birthYear,
      })),
      MATCHES_PER_ROW,
    )
    for (const [i, row] of fresh.entries()) {
      // A shared name is common; with a birth year (when the row has one) it is worth a look.
      const likely = (matches[i] ?? []).filter(
        (m) => row.result.birthYear === null || m.matched.includes('birthYear'),
      )
      if (likely.length > 0 && report.possibleDuplicates.length < MAX_ISSUES)
        report.possibleDuplicates.push({ line: row.line, codes: likely.map((m) => m.code) })
    }
  }

  let batch: CheckedRow[] = []
  for await (const row of first.rows) {
    if (isBlank(row)) continue
    report.rows++
    const result = personFromRow((field) => reader(row, field), on)
    if (!result.ok) {
      report.rowsWithErrors++
      for (const i of result.issues) issue(row.line, i)
      continue
    }
    const keys = await rowKeys(app, db, compartment.id, KIND, options.source, rowIdentity(result))
    const repeated = inFile.repeated(keys.key, row.line, result.ref)
    if (repeated !== null) {
      report.rowsWithErrors++
      issue(row.line, repeated)
      continue
    }
    batch.push({ line: row.line, result, ...keys })
    if (batch.length >= BATCH) {
      await checkBatch(batch)
      batch = []
      options.onProgress?.('check', report.rows)
    }
  }
  await checkBatch(batch)
  options.onProgress?.('check', report.rows)
  inFile.clear()

  if (options.dryRun) return report
  if (report.rowsWithErrors > 0) throw errors.importHasErrors({ rows: report.rowsWithErrors })
  if (report.possibleDuplicates.length > 0 && !options.acceptDuplicates)
    throw errors.importDuplicates({ rows: report.possibleDuplicates.length })

  const second = await openSheet(file, options.encoding)
  try {
    await db.transaction().execute(async (trx) => {
      let pending: CheckedRow[] = []
      let processed = 0
      const write = async () => {
        const done = await importedKeys(
          trx,
          compartment.id,
          pending.flatMap((r) => r.keys),
        )
        const fresh = pending.filter((row) => !row.keys.some((k) => done.has(k)))
        const people = await registerPeopleIn(
          app,
          trx,
          compartment.id,
          fresh.map((row) => row.result.person),
          by,
        )
        const now = app.now().toISOString()
        await insertImportedRows(
          trx,
          people.map((person, i) => ({
            compartment_id: compartment.id,
            row_key: fresh[i]?.key ?? '',
            kind: KIND,
            entity_id: person.id,
            source: options.source,
            created_at: now,
          })),
        )
        report.imported += people.length
        processed += pending.length
        pending = []
        options.onProgress?.('write', processed)
      }
      for await (const row of second.rows) {
        if (isBlank(row)) continue
        const result = personFromRow((field) => reader(row, field), on)
        // The first reading found no problem; the same bytes read the same way again.
        if (!result.ok) throw errors.importHasErrors({ rows: 1 })
        const keys = await rowKeys(
          app,
          trx,
          compartment.id,
          KIND,
          options.source,
          rowIdentity(result),
        )
        pending.push({ line: row.line, result, ...keys })
        if (pending.length >= BATCH) await write()
      }
      await write()
      await saveMapping(trx, {
        kind: KIND,
        source: options.source,
        mapping: JSON.stringify(mapping),
        updated_at: app.now().toISOString(),
        updated_by: by.actorId,
      })
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'exchange.people_imported',
        entityType: 'Compartment',
        entityId: compartment.id,
        compartmentId: compartment.id,
        requestId: by.requestId,
        details: {
          format: report.format,
          rows: report.rows,
          imported: report.imported,
          alreadyImported: report.alreadyImported,
        },
      })
    })
  } catch (error) {
    // Another import of the same rows committed first (the row keys are unique): nothing of this
    // one was written, and checking the file again shows those rows as imported.
    if (isUniqueViolation(error)) throw errors.importConflict()
    throw error
  }
  report.ready = report.imported
  return report
}

/**
 * The source's saved mapping where this file has those headers, and a guess from the headers
 * for the rest (a source's next sheet may have a column more, or one renamed).
 */
function mappingFor(headers: readonly string[], saved: string | undefined): ColumnMapping {
  const mapping = guessMapping(headers)
  if (saved === undefined) return mapping
  const kept = Object.entries(JSON.parse(saved) as ColumnMapping).filter(([, header]) =>
    headers.includes(header),
  )
  // A header the saved mapping gives to one field feeds no other field.
  const claimed = new Set(kept.map(([, header]) => header))
  for (const [field, header] of Object.entries(mapping))
    if (claimed.has(header)) delete mapping[field as PeopleImportField]
  for (const [field, header] of kept) mapping[field as PeopleImportField] = header
  return mapping
}
