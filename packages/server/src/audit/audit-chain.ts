import { createHash } from 'node:crypto'

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  seq: number
  at: string
  actorId: string | null
  action: string
  entityType: string | null
  entityId: string | null
  compartmentId: string | null
  outcome: string
  requestId: string | null
  details: string
}

/**
 * The canonical form of an entry: its fields in a fixed order as a JSON array, so the same entry
 * always hashes the same on both databases and no field can be shifted into another.
 */
export function canonicalEntry(entry: ChainedFields): string {
  return JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.compartmentId,
    entry.outcome,
    entry.requestId,
    entry.details,
  ])
}

/** hash(n) = SHA-256(hash(n−1) ‖ canonical(n)): changing, removing or moving any entry breaks every later hash. */
export function chainHash(prevHash: string, entry: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(entry)).digest('hex')
}

export interface Checkpoint {
  count: number
  hash: string
}

/** `<count>:<hash>`, the form an organisation hands to its board or a partner as a witness. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.count}:${checkpoint.hash}`
}

export function parseCheckpoint(text: string): Checkpoint | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim())
  if (!match?.[1] || !match[2]) return null
  return { count: Number(match[1]), hash: match[2] }
}
