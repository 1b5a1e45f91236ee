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

/**
 * A key rotation of one owner: new data and index key versions were made when it started; the job
 * re-seals every sealed value (and re-computes blind index terms) under them, in batches. It
 * resumes from `cursor` after a crash; `runner` and `updated_at` tell a live run from a dead one.
 */
export interface KeyJobsTable {
  id: string
  owner_id: string
  kind: 'rotate'
  status: 'running' | 'done' | 'failed'
  /** The versions everything is being re-sealed / re-indexed under. */
  data_version: number
  index_version: number
  total: number
  done: number
  /** JSON `{ table, after }`: where the main pass stopped. Null before it starts and after it ends. */
  cursor: string | null
  runner: string | null
  started_by: string | null
  started_at: string
  updated_at: string
  finished_at: string | null
  /** A one-line reason when it failed; never data. */
  error: string | null
}

/**
 * Every key export ever written (not its contents). After a shred, those made before it still
 * hold the destroyed keys: Haven lists them so the operator destroys them too.
 */
export interface KeyExportsTable {
  id: string
  created_at: string
  /** The user who asked for it, or null from the command line. */
  created_by: string | null
  master_fingerprint: string
  /** First 16 hex of a SHA-256 over the exported wrapped keys: printed on the file's label too. */
  key_set_fingerprint: string
  /** JSON array of the owner ids (compartments, `system`) whose keys it holds. */
  owners: string
  key_count: number
  /** `passphrase` or `recipients:<n>`. */
  protection: string
}

/**
 * Sealed mode: the master key, wrapped (AES-256-GCM) by a key stretched from the operator's
 * passphrase with argon2id. One row, `id = 'master'`. Never in a data backup or a key export.
 */
export interface MasterSealTable {
  id: string
  kdf: 'argon2id'
  /** JSON `{ memoryCost, timeCost, parallelism }`, so they can be raised for new seals. */
  params: string
  salt: string
  wrapped: string
  master_fingerprint: string
  created_at: string
  updated_at: string
}

export interface CryptoTables {
  key_store: KeyStoreTable
  shredded_owners: ShreddedOwnersTable
  key_jobs: KeyJobsTable
  key_exports: KeyExportsTable
  master_seal: MasterSealTable
}
