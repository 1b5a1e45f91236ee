import { countOf } from '@haven/core/i18n/plural'
import type { Db } from '../db/db-handle.js'
import { type Checkpoint, chainHash, GENESIS_HASH } from './audit-chain.js'
import { walkAuditRows } from './audit-store.js'

export type VerifyResult =
  | { ok: true; count: number; head: string; checkpoint?: 'extended' }
  | { ok: false; count: number; firstBadSeq: number; problem: string }

/**
 * Walks the whole chain. Any edit, deletion, insertion or reordering shows as the first entry whose
 * sequence number, previous hash or own hash does not match. With a checkpoint taken earlier, also
 * proves the log still contains it (catching a truncated or rewritten tail).
 */
export async function verifyAuditLog(
  db: Db,
  options: { checkpoint?: Checkpoint; onProgress?: (count: number) => void } = {},
): Promise<VerifyResult> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let checkpointSeen = false
  for await (const row of walkAuditRows(db)) {
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        count: expectedSeq - 1,
        firstBadSeq: expectedSeq,
        problem:
          row.seq > expectedSeq
            ? `entry ${expectedSeq} is missing (deleted), next is ${row.seq}`
            : `entry ${row.seq} is out of order`,
      }
    }
    if (row.prev_hash !== prevHash) {
      return {
        ok: false,
        count: expectedSeq - 1,
        firstBadSeq: row.seq,
        problem: `entry ${row.seq} does not follow entry ${row.seq - 1} (inserted, deleted or reordered)`,
      }
    }
    const hash = chainHash(prevHash, {
      seq: row.seq,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      compartmentId: row.compartment_id,
      outcome: row.outcome,
      requestId: row.request_id,
      details: row.details,
    })
    if (hash !== row.hash) {
      return {
        ok: false,
        count: expectedSeq - 1,
        firstBadSeq: row.seq,
        problem: `entry ${row.seq} was edited (its content no longer matches its hash)`,
      }
    }
    if (options.checkpoint && row.seq === options.checkpoint.count) {
      if (hash !== options.checkpoint.hash) {
        return {
          ok: false,
          count: row.seq,
          firstBadSeq: row.seq,
          problem: `entry ${row.seq} differs from the checkpoint: the log was rewritten up to here`,
        }
      }
      checkpointSeen = true
    }
    prevHash = hash
    expectedSeq += 1
    if (expectedSeq % 10_000 === 0) options.onProgress?.(expectedSeq - 1)
  }
  const count = expectedSeq - 1
  if (options.checkpoint && !checkpointSeen) {
    if (options.checkpoint.count === 0)
      return { ok: true, count, head: prevHash, checkpoint: 'extended' }
    return {
      ok: false,
      count,
      firstBadSeq: count + 1,
      problem: `the log has ${countOf(count, 'entry', 'entries')} but the checkpoint names entry ${options.checkpoint.count}: entries were deleted from its end`,
    }
  }
  return options.checkpoint
    ? { ok: true, count, head: prevHash, checkpoint: 'extended' }
    : { ok: true, count, head: prevHash }
}
