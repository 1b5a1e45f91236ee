import { countOf } from '@haven/core/i18n/plural'
import type { Db } from '../db/db-handle.js'
import { type Checkpoint, chainHash, GENESIS_HASH } from './audit-chain.js'
import { walkAuditRows } from './audit-store.js'

export type VerifyResult =
  | { ok: true; count: number; head: string; checkpoint?: 'extended' }
  | { ok: false; count: number; firstBadSeq: number; problem: string }

/**
 * Walks the whole chain. Any edit, deletion, insertion or reordering shows as the first entry whose
 * sequence number, previous hash or own hash does not match. With checkpoints taken earlier (one
 * given by hand, or the routine signed ones), also proves the log still contains each of them
 * (catching a truncated or rewritten tail).
 */
export async function verifyAuditLog(
  db: Db,
  options: {
    checkpoint?: Checkpoint
    checkpoints?: readonly Checkpoint[]
    onProgress?: (count: number) => void
  } = {},
): Promise<VerifyResult> {
  const witnesses = [
    ...(options.checkpoint ? [options.checkpoint] : []),
    ...(options.checkpoints ?? []),
  ]
  const expected = new Map<number, Set<string>>()
  for (const w of witnesses) expected.set(w.count, (expected.get(w.count) ?? new Set()).add(w.hash))
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  // The empty log's "head" is the genesis hash: a checkpoint of 0 entries must name it.
  const genesis = expected.get(0)
  if (genesis && [...genesis].some((h) => h !== GENESIS_HASH))
    return {
      ok: false,
      count: 0,
      firstBadSeq: 1,
      problem:
        'a checkpoint of the empty log names another hash: the log was rewritten from its start',
    }
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
    const witnessed = expected.get(row.seq)
    if (witnessed && [...witnessed].some((h) => h !== hash)) {
      return {
        ok: false,
        count: row.seq,
        firstBadSeq: row.seq,
        problem: `entry ${row.seq} differs from the checkpoint: the log was rewritten up to here`,
      }
    }
    prevHash = hash
    expectedSeq += 1
    if (expectedSeq % 10_000 === 0) options.onProgress?.(expectedSeq - 1)
  }
  const count = expectedSeq - 1
  const furthest = Math.max(0, ...expected.keys())
  if (furthest > count) {
    return {
      ok: false,
      count,
      firstBadSeq: count + 1,
      problem: `the log has ${countOf(count, 'entry', 'entries')} but a checkpoint names entry ${furthest}: entries were deleted from its end`,
    }
  }
  return witnesses.length > 0
    ? { ok: true, count, head: prevHash, checkpoint: 'extended' }
    : { ok: true, count, head: prevHash }
}
