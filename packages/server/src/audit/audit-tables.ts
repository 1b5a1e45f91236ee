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

export interface AuditTables {
  audit_log: AuditLogTable
}
