import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AppContext } from '../app-context.js'
import { inTransaction } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { GENESIS_HASH } from './audit-chain.js'
import { lastAuditRow, lockAuditChain } from './audit-store.js'
import type { AuditCheckpointsTable } from './audit-tables.js'
import { CheckpointSigner, type TimedCheckpoint } from './checkpoint-signer.js'
import { insertCheckpoint, latestCheckpoint } from './checkpoint-store.js'

/**
 * Routine checkpoints. A checkpoint is the log's length and head hash at a moment, signed with a
 * key derived from the master key. Written after every `everyEntries` entries or `everyMs`,
 * whichever comes first (the server looks each minute), into the database — where anyone who can
 * rewrite the log can delete them, but never forge them — and appended to a file outside the
 * database, which the database's user cannot touch at all. `haven audit verify` checks the log
 * against both and reports the age of the latest.
 */
export interface CheckpointPolicy {
  everyEntries: number
  everyMs: number
  /** The file checkpoints are appended to (null: database only). */
  file: string | null
}

export function checkpointPolicy(app: Pick<AppContext, 'config'>): CheckpointPolicy {
  return {
    everyEntries: app.config.auditCheckpointEntries,
    everyMs: app.config.auditCheckpointHours * 3_600_000,
    file: app.config.auditCheckpointFile,
  }
}

/** A checkpoint as a witness: where it was read, and its signature. */
export interface Witness extends TimedCheckpoint {
  signer: string
  signature: string
  source: 'database' | 'file'
}

/**
 * Writes a signed checkpoint if one is due (or `force`), under the audit chain's lock so that
 * several servers write one, not one each. Returns it, or null when none was due or Haven is
 * sealed (no master key to sign with).
 */
export async function checkpointIfDue(
  app: AppContext,
  options: { force?: boolean } = {},
): Promise<AuditCheckpointsTable | null> {
  if (app.crypto.master.sealed) return null
  const policy = checkpointPolicy(app)
  const signer = new CheckpointSigner(app.crypto.master.bytes())
  const written = await inTransaction(app.database.db, async (trx) => {
    await lockAuditChain(trx, app.database.dialect)
    const last = await lastAuditRow(trx)
    const previous = await latestCheckpoint(trx)
    const now = app.now()
    const count = last?.seq ?? 0
    const due =
      options.force ||
      !previous ||
      count - previous.seq >= policy.everyEntries ||
      now.getTime() - Date.parse(previous.at) >= policy.everyMs
    if (!due) return null
    const checkpoint = { count, hash: last?.hash ?? GENESIS_HASH, at: now.toISOString() }
    const row: AuditCheckpointsTable = {
      id: newId(),
      seq: checkpoint.count,
      hash: checkpoint.hash,
      at: checkpoint.at,
      signer: signer.id,
      signature: signer.sign(checkpoint),
    }
    await insertCheckpoint(trx, row)
    return row
  })
  if (written && policy.file) {
    try {
      appendCheckpointLine(policy.file, written)
    } catch (error) {
      app.logger.warn(
        {
          file: policy.file,
          err: { message: error instanceof Error ? error.message : String(error) },
        },
        'audit checkpoint written to the database but not to its file',
      )
    }
  }
  return written
}

/** `<at> <count>:<hash> <signer> <signature>`: one line a checkpoint, easy to copy and compare. */
export function checkpointLine(row: AuditCheckpointsTable): string {
  return `${row.at} ${row.seq}:${row.hash} ${row.signer} ${row.signature}`
}

function appendCheckpointLine(file: string, row: AuditCheckpointsTable): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  appendFileSync(file, `${checkpointLine(row)}\n`, { mode: 0o600 })
}

/** The checkpoints in a file written by checkpointIfDue; lines that do not parse are counted. */
export function readCheckpointFile(file: string): { witnesses: Witness[]; unreadable: number } {
  if (!existsSync(file)) return { witnesses: [], unreadable: 0 }
  const witnesses: Witness[] = []
  let unreadable = 0
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const match = /^(\S+) (\d+):([0-9a-f]{64}) ([0-9a-f]{16}) ([A-Za-z0-9_-]+)$/.exec(line.trim())
    if (
      !match?.[1] ||
      !match[2] ||
      !match[3] ||
      !match[4] ||
      !match[5] ||
      Number.isNaN(Date.parse(match[1]))
    ) {
      unreadable += 1
      continue
    }
    witnesses.push({
      at: match[1],
      count: Number(match[2]),
      hash: match[3],
      signer: match[4],
      signature: match[5],
      source: 'file',
    })
  }
  return { witnesses, unreadable }
}

export function databaseWitness(row: AuditCheckpointsTable): Witness {
  return {
    at: row.at,
    count: row.seq,
    hash: row.hash,
    signer: row.signer,
    signature: row.signature,
    source: 'database',
  }
}

export interface WitnessJudgement {
  /** Checkpoints the log must extend: signed by this master key, or read from outside the database. */
  binding: Witness[]
  /** Signed as if by this master key, but the signature is wrong: made or altered by someone else. */
  forged: Witness[]
  /** In the database, signed under another (earlier) master key or with no key at hand to check. */
  unchecked: Witness[]
}

/**
 * Sorts witnesses by what they prove. A database checkpoint binds only when its signature checks
 * out (the database could hold anything); a file checkpoint binds anyway (the database's user
 * cannot write there), unless it claims this master key's signature and fails it.
 */
export function judgeWitnesses(
  witnesses: readonly Witness[],
  signer: CheckpointSigner | null,
): WitnessJudgement {
  const judged: WitnessJudgement = { binding: [], forged: [], unchecked: [] }
  for (const w of witnesses) {
    const ours = signer !== null && w.signer === signer.id
    if (ours && !signer.verify(w, w.signature)) judged.forged.push(w)
    else if (ours || w.source === 'file') judged.binding.push(w)
    else judged.unchecked.push(w)
  }
  return judged
}

/** Runs checkpointIfDue now and every minute, until the returned function is called. */
export function startCheckpoints(app: AppContext): () => void {
  const run = () =>
    checkpointIfDue(app).catch((error: unknown) =>
      app.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'audit checkpoint failed; will try again in a minute',
      ),
    )
  void run()
  const timer = setInterval(run, 60_000)
  timer.unref()
  return () => clearInterval(timer)
}
