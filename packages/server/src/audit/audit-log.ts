import type { Db } from '../db/db-handle.js'
import { inTransaction } from '../db/db-handle.js'
import { chainHash, GENESIS_HASH } from './audit-chain.js'
import { insertAuditRows, lastAuditRow, lockAuditChain } from './audit-store.js'
import type { AuditLogTable as AuditRow } from './audit-tables.js'

/** Facts that may go into an entry's details: never names, notes, addresses or free text. */
export type AuditDetails = Readonly<
  Record<string, string | number | boolean | null | readonly string[]>
>

export interface AuditEntry {
  actorId: string | null
  action: string
  entityType?: string | null
  entityId?: string | null
  compartmentId?: string | null
  outcome?: 'success' | 'failure' | 'denied'
  requestId?: string | null
  details?: AuditDetails
}

/** Who acts and in which request: what a service needs to write its audit entries. */
export interface Actorish {
  actorId: string | null
  requestId: string | null
}

export interface AuditWriter {
  dialect: 'sqlite' | 'postgres'
  now: () => Date
}

/**
 * Appends entries to the hash chain. Pass the transaction that makes the audited change so the
 * entry and the change commit together or not at all.
 */
export async function appendAudit(
  db: Db,
  writer: AuditWriter,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return
  await inTransaction(db, async (trx) => {
    await lockAuditChain(trx, writer.dialect)
    const last = await lastAuditRow(trx)
    let seq = last?.seq ?? 0
    let prevHash = last?.hash ?? GENESIS_HASH
    const at = writer.now().toISOString()
    const rows: AuditRow[] = entries.map((entry) => {
      seq += 1
      const fields = {
        seq,
        at,
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        compartmentId: entry.compartmentId ?? null,
        outcome: entry.outcome ?? 'success',
        requestId: entry.requestId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      }
      const hash = chainHash(prevHash, fields)
      const row: AuditRow = {
        seq,
        at,
        actor_id: fields.actorId,
        action: fields.action,
        entity_type: fields.entityType,
        entity_id: fields.entityId,
        compartment_id: fields.compartmentId,
        outcome: fields.outcome,
        request_id: fields.requestId,
        details: fields.details,
        prev_hash: prevHash,
        hash,
      }
      prevHash = hash
      return row
    })
    await insertAuditRows(trx, rows)
  })
}
