/** A phone registered by a user for the offline field app; revoked, its next contact answers 410. */
export interface FieldDevicesTable {
  id: string
  user_id: string
  name: string
  created_at: string
  last_seen_at: string | null
  revoked_at: string | null
  revoked_by: string | null
}

/**
 * One outbox entry a device sent, once: (device_id, client_id) is unique, so a replayed push
 * answers from here instead of recording twice. Kept when it was recorded past a cap (`flagged`)
 * or held as a conflict (its body sealed, for review); `applied` rows make replays idempotent.
 */
export interface FieldChangesTable {
  id: string
  device_id: string
  client_id: string
  user_id: string
  compartment_id: string
  kind: string
  /** applied | flagged | conflict */
  outcome: string
  /** The cap broken, or `version_conflict`. */
  code: string | null
  entity_id: string | null
  /** Sealed JSON of the change, kept only for a conflict (it may hold a note or a name). */
  body: string | null
  recorded_at: string
  resolved_at: string | null
  resolved_by: string | null
  /** applied | dismissed */
  resolution: string | null
}

export interface FieldTables {
  field_devices: FieldDevicesTable
  field_changes: FieldChangesTable
}

declare module '../../db/schema.js' {
  interface Database extends FieldTables {}
}
