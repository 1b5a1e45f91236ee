export interface AuditLogTable {
  seq: number
  at: string
  actor_id: string | null
  action: string
  entity_type: string | null
  entity_id: string | null
  compartment_id: string | null
  outcome: 'success' | 'failure' | 'denied'
  request_id: string | null
  /** JSON of non-identifying facts only (counts, reasons, codes); never names or notes. */
  details: string
  prev_hash: string
  hash: string
}

/** A signed witness of the log: `seq` entries ending in `hash`, at `at` (see audit-checkpoints.ts). */
export interface AuditCheckpointsTable {
  id: string
  seq: number
  hash: string
  at: string
  /** Which key signed it: the fingerprint of the public key derived from the master key. */
  signer: string
  /** Ed25519 over the canonical checkpoint, base64url. */
  signature: string
}

export interface AuditTables {
  audit_log: AuditLogTable
  audit_checkpoints: AuditCheckpointsTable
}
