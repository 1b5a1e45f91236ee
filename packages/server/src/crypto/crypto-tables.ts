/**
 * Wrapped data keys. Each compartment has one key per purpose and version: `data` seals fields,
 * `index` keys the blind indexes. They are wrapped (AES-256-GCM) by the master key, which is
 * never stored in the database. Data backups leave this table out: restoring a backup opens
 * nothing without a separate key export.
 */
export interface KeyStoreTable {
  id: string
  /** A compartment id, or `system` for Haven's own secrets (authenticator-app seeds). */
  owner_id: string
  purpose: 'data' | 'index'
  version: number
  wrapped: string
  /** Which master key wrapped it (first 16 hex of a hash derived from the master key). */
  master_fingerprint: string
  created_at: string
  /** Set when retired by rotation (still readable) — destroyed keys are deleted, not flagged. */
  retired_at: string | null
}

/** Compartments whose keys were destroyed, and when: reads then show "destroyed". */
export interface ShreddedOwnersTable {
  owner_id: string
  shredded_at: string
  shredded_by: string | null
}

export interface CryptoTables {
  key_store: KeyStoreTable
  shredded_owners: ShreddedOwnersTable
}
