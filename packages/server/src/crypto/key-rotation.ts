import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { type Db, inTransaction } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { FieldDestroyedError, FieldIntegrityError, KeyOperationError } from './crypto-errors.js'
import type { KeyJobsTable } from './crypto-tables.js'
import { FieldCrypto } from './field-crypto.js'
import {
  claimKeyJob,
  findKeyJob,
  insertKeyJob,
  unfinishedKeyJob,
  updateKeyJob,
} from './key-job-store.js'
import {
  blindIndexOf,
  missingBlindIndexes,
  type SealedTable,
  sealedTablesOf,
} from './sealed-registry.js'
import {
  compareAndSetSealed,
  countOwnedRows,
  ownedRowsAfter,
  rowsNotAtVersion,
  type SealedRow,
} from './sealed-store.js'

/** A runner that has not reported progress for this long is taken to be dead; its job resumes. */
export const STALE_JOB_MS = 60_000

export interface RotationOptions {
  /** Records per transaction. */
  batchSize?: number
  /**
   * The final sweep waits until this long after the rotation started, so every server instance
   * has dropped its cached old keys (see CACHE_MS) and nothing new is sealed under them. Default
   * ROTATION_SETTLE_SECONDS.
   */
  settleMs?: number
  onProgress?: (job: KeyJobsTable) => void
  /** Called once when the main pass is done and the settle wait begins, with its end. */
  onSettling?: (until: Date) => void
}

interface Cursor {
  table: number
  after: string | null
}

/**
 * Starts a rotation of `ownerId` (a compartment, or `system`): makes the next data and index key
 * versions (new values are sealed under them at once) and records a job to re-seal the old
 * values. If a rotation of that owner is unfinished (running, interrupted or failed), returns it
 * instead, to be resumed with resumeRotation.
 */
export async function startRotation(
  app: AppContext,
  ownerId: string,
  by: { actorId: string | null; requestId: string | null },
): Promise<{ job: KeyJobsTable; resumed: boolean }> {
  const db = app.database.db
  const existing = await unfinishedKeyJob(db, ownerId)
  if (existing) return { job: existing, resumed: true }
  const tables = sealedTablesOf(ownerId)
  const missing = missingBlindIndexes(tables)
  if (missing.length > 0)
    throw new KeyOperationError(
      'blind_index_missing',
      `Cannot rotate: ${missing.join(', ')} has searchable fields but registered no blind index (registerBlindIndex), so its search terms would stay under the old key.`,
    )
  const job = await inTransaction(db, async (trx) => {
    const versions = await app.crypto.keyring.rotateOwnerKeys(trx, ownerId)
    const now = app.now().toISOString()
    const row: KeyJobsTable = {
      id: newId(),
      owner_id: ownerId,
      kind: 'rotate',
      status: 'running',
      data_version: versions.data,
      index_version: versions.index,
      total: await countAll(trx, tables, ownerId),
      done: 0,
      cursor: null,
      runner: null,
      started_by: by.actorId,
      started_at: now,
      updated_at: now,
      finished_at: null,
      error: null,
    }
    await insertKeyJob(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'keys.rotation_started',
      entityType: 'Compartment',
      entityId: ownerId,
      compartmentId: ownerId === 'system' ? null : ownerId,
      requestId: by.requestId,
      details: { dataVersion: versions.data, indexVersion: versions.index, records: row.total },
    })
    return row
  })
  return { job, resumed: false }
}

/**
 * Runs (or resumes) a rotation job to the end: every sealed value of the owner re-sealed under
 * the new data key, every searchable field re-indexed under the new index key. Batches commit one
 * by one, so a crash loses at most a batch, and running it again continues where it stopped;
 * every step is idempotent. Reads keep working throughout: each value names its key version.
 */
export async function runRotation(
  app: AppContext,
  jobId: string,
  options: RotationOptions = {},
): Promise<KeyJobsTable> {
  const db = app.database.db
  const batchSize = options.batchSize ?? 200
  const settleMs = options.settleMs ?? app.config.rotationSettleMs
  const runner = randomUUID()
  const initial = await findKeyJob(db, jobId)
  if (!initial) throw new KeyOperationError('integrity', `No key job ${jobId}.`)
  if (initial.status !== 'running') return initial
  const now = () => app.now().toISOString()
  const staleBefore = new Date(app.now().getTime() - STALE_JOB_MS).toISOString()
  if (!(await claimKeyJob(db, jobId, runner, now(), staleBefore)))
    throw new KeyOperationError(
      'rotation_running',
      `The rotation of ${initial.owner_id} is being run elsewhere (last progress ${initial.updated_at}); wait for it, or retry after a minute if that process died.`,
    )
  const ownerId = initial.owner_id
  const tables = sealedTablesOf(ownerId)
  let job: KeyJobsTable = { ...initial, runner, total: await countAll(db, tables, ownerId) }
  const report = async (changes: Partial<KeyJobsTable>, trx: Db = db) => {
    job = { ...job, ...changes, updated_at: now() }
    await updateKeyJob(trx, jobId, {
      ...changes,
      total: job.total,
      updated_at: job.updated_at,
    })
    options.onProgress?.(job)
  }

  try {
    // Main pass: every record of the owner, in id order, from where an earlier run stopped.
    let cursor: Cursor = job.cursor ? (JSON.parse(job.cursor) as Cursor) : { table: 0, after: null }
    while (cursor.table < tables.length) {
      const table = tables[cursor.table]
      if (!table) break
      const rows = await ownedRowsAfter(db, table, ownerId, cursor.after, batchSize)
      if (rows.length === 0) {
        cursor = { table: cursor.table + 1, after: null }
        await report({ cursor: JSON.stringify(cursor) })
        continue
      }
      const last = rows.at(-1)?.id ?? null
      cursor = { table: cursor.table, after: last }
      await inTransaction(db, async (trx) => {
        for (const row of rows) await rotateRow(app, trx, table, ownerId, row, job)
        await report(
          { done: Math.min(job.total, job.done + rows.length), cursor: JSON.stringify(cursor) },
          trx,
        )
      })
    }

    // Wait until no server instance can still hold the old keys in its cache, then sweep up
    // whatever was sealed under them meanwhile (or skipped because a person edited it).
    const settleUntil = Date.parse(job.started_at) + settleMs
    if (app.now().getTime() < settleUntil) options.onSettling?.(new Date(settleUntil))
    while (app.now().getTime() < settleUntil) {
      await sleep(Math.min(5000, settleUntil - app.now().getTime()))
      await report({})
    }
    for (let round = 0; ; round += 1) {
      let stale = 0
      for (const table of tables) {
        const rows = await rowsNotAtVersion(db, table, ownerId, job.data_version, batchSize)
        stale += rows.length
        if (rows.length === 0) continue
        await inTransaction(db, async (trx) => {
          for (const row of rows) await rotateRow(app, trx, table, ownerId, row, job)
          await report({}, trx)
        })
      }
      if (stale === 0) break
      if (round >= 50)
        throw new KeyOperationError(
          'integrity',
          'Records keep changing under the rotation; run it again when the compartment is quieter.',
        )
    }

    const finished = now()
    await inTransaction(db, async (trx) => {
      await report({ status: 'done', done: job.total, cursor: null, finished_at: finished }, trx)
      await audit(app, trx, {
        actorId: job.started_by,
        action: 'keys.rotation_finished',
        entityType: 'Compartment',
        entityId: ownerId,
        compartmentId: ownerId === 'system' ? null : ownerId,
        details: { dataVersion: job.data_version, records: job.total },
      })
    })
    return job
  } catch (error) {
    const message =
      error instanceof FieldDestroyedError
        ? `the keys of ${ownerId} were destroyed during the rotation`
        : error instanceof Error
          ? error.message
          : String(error)
    await report({ status: 'failed', error: message, finished_at: now(), runner: null })
    await audit(app, db, {
      actorId: job.started_by,
      action: 'keys.rotation_failed',
      entityType: 'Compartment',
      entityId: ownerId,
      compartmentId: ownerId === 'system' ? null : ownerId,
      outcome: 'failure',
      details: { dataVersion: job.data_version, done: job.done },
    })
    throw error
  }
}

/**
 * Resumes a failed or interrupted rotation: a failed job becomes running again (the fault, such
 * as a tampered value, having been dealt with), then runs from its cursor.
 */
export async function resumeRotation(
  app: AppContext,
  jobId: string,
  options: RotationOptions = {},
): Promise<KeyJobsTable> {
  const job = await findKeyJob(app.database.db, jobId)
  if (job?.status === 'failed')
    await updateKeyJob(app.database.db, jobId, {
      status: 'running',
      error: null,
      finished_at: null,
      runner: null,
    })
  return runRotation(app, jobId, options)
}

async function countAll(db: Db, tables: readonly SealedTable[], ownerId: string) {
  let total = 0
  for (const t of tables) total += await countOwnedRows(db, t, ownerId)
  return total
}

/** Re-seals one record's sealed values under the job's data key and re-indexes its names. */
async function rotateRow(
  app: AppContext,
  trx: Db,
  table: SealedTable,
  ownerId: string,
  row: SealedRow,
  job: KeyJobsTable,
): Promise<void> {
  const fields = app.crypto.fields
  const before: Record<string, string | null> = {}
  const after: Record<string, string | null> = {}
  const plain: Record<string, string | null> = {}
  for (const column of table.columns) {
    const sealed = row[column.column] ?? null
    before[column.column] = sealed
    if (sealed === null) {
      plain[column.field] = null
      continue
    }
    const address = {
      table: table.table,
      column: column.column,
      recordId: row.id,
      compartmentId: ownerId,
    }
    let value: string
    try {
      value = await fields.open(trx, address, sealed)
    } catch (error) {
      if (error instanceof FieldIntegrityError)
        throw new KeyOperationError(
          'integrity',
          `${table.table}.${column.column} of record ${row.id} does not open (${error.message}); restore or clear that value, then run the rotation again: it resumes.`,
        )
      throw error
    }
    plain[column.field] = value
    if (FieldCrypto.versionOf(sealed) !== job.data_version)
      after[column.column] = await fields.seal(trx, address, value, job.data_version)
  }
  // Compare-and-set first, even when no value changes (it then locks the row and proves it
  // unchanged): if a person edited the record since it was read, their write and their index
  // terms stand, and the final sweep comes back for anything still under an old key.
  if (!(await compareAndSetSealed(trx, table, row.id, before, { ...before, ...after }))) return
  const index = blindIndexOf(table.entity)
  const searchable = table.columns.filter((c) => c.searchable)
  if (index && searchable.length > 0) {
    const values = Object.fromEntries(searchable.map((c) => [c.field, plain[c.field] ?? null]))
    await index.reindex(trx, {
      compartmentId: ownerId,
      recordId: row.id,
      values,
      terms: (value) => fields.indexTerms(trx, ownerId, value, job.index_version),
      exactTerm: (value) => fields.exactTerm(trx, ownerId, value, job.index_version),
    })
  }
}
