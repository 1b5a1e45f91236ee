import { identifyingEntities } from '@haven/core/privacy/identifying-fields'
import type { Db } from '../db/db-handle.js'
import { SYSTEM_OWNER } from './keyring.js'

/**
 * Every table holding sealed values, as key rotation sees it: the identifying entities declared in
 * core (sealed with their compartment's key; each module lists its own in its `sealed`, which is
 * what loads them) plus Haven's own secrets (sealed with the system key). Nothing else in the
 * schema holds sealed values.
 */
export interface SealedTable {
  entity: string
  table: string
  idColumn: string
  /** The column naming the owning compartment, or a fixed owner for Haven's own secrets. */
  owner: { column: string } | { fixed: string }
  columns: readonly { field: string; column: string; searchable: boolean }[]
}

/** Haven's own sealed secrets: authenticator seeds (see auth/totp-secrets.ts), the rounding secret. */
const SYSTEM_SEALED: readonly SealedTable[] = [
  {
    entity: 'TotpFactor',
    table: 'totp_factors',
    idColumn: 'user_id',
    owner: { fixed: SYSTEM_OWNER },
    columns: [{ field: 'secret', column: 'secret', searchable: false }],
  },
  // The rounding secret of published figures (modules/report/report-secret.ts).
  {
    entity: 'ReportRoundingSecret',
    table: 'report_rounding_secrets',
    idColumn: 'id',
    owner: { fixed: SYSTEM_OWNER },
    columns: [{ field: 'secret', column: 'secret', searchable: false }],
  },
]

export function sealedTables(): SealedTable[] {
  const declared = identifyingEntities().map(
    ([entity, d]): SealedTable => ({
      entity,
      table: d.table,
      idColumn: d.idColumn,
      owner: { column: d.compartmentColumn },
      columns: d.fields.map((f) => ({
        field: f.field,
        column: f.column,
        searchable: f.searchable ?? false,
      })),
    }),
  )
  return [...declared, ...SYSTEM_SEALED]
}

/** The sealed tables whose rows belong to `ownerId`. */
export function sealedTablesOf(ownerId: string): SealedTable[] {
  return sealedTables().filter((t) =>
    'fixed' in t.owner ? t.owner.fixed === ownerId : ownerId !== SYSTEM_OWNER,
  )
}

/**
 * How a module keeps the blind index of an entity's searchable fields. The module owns the table
 * of terms; Haven's key operations call these:
 * - `reindex` after a rotation re-sealed a record: replace its terms with new ones, computed from
 *   the record's searchable `values` (plaintext, in memory only) with `terms`, which uses the new
 *   index key — the module splits values into variants exactly as when it first indexed them;
 * - `purge` after a shred: delete the compartment's terms (without the key they find nothing, but
 *   they would still show which records share a name).
 */
export interface BlindIndex {
  reindex(
    db: Db,
    input: {
      compartmentId: string
      recordId: string
      /** The searchable fields' opened values, by field name (null when empty). */
      values: Readonly<Record<string, string | null>>
      /** Blind index terms of a value under the rotation's new index key. */
      terms: (value: string) => Promise<{ kind: string; term: string }[]>
      /** A keyed exact-match term (not a name: a birth year) under the new index key. */
      exactTerm: (value: string) => Promise<string>
    },
  ): Promise<void>
  purge(db: Db, compartmentId: string): Promise<void>
}

const BLIND_INDEXES = new Map<string, BlindIndex>()

/** Registers an entity's blind index (called by the module that owns the entity). */
export function registerBlindIndex(entity: string, index: BlindIndex): void {
  BLIND_INDEXES.set(entity, index)
}

export function unregisterBlindIndex(entity: string): void {
  BLIND_INDEXES.delete(entity)
}

export function blindIndexOf(entity: string): BlindIndex | undefined {
  return BLIND_INDEXES.get(entity)
}

/** Every registered blind index, for a shred to purge. */
export function allBlindIndexes(): BlindIndex[] {
  return [...BLIND_INDEXES.values()]
}

/**
 * Entities with searchable fields but no registered blind index: rotating their index key would
 * leave their terms under the old key, so rotation refuses until the module registers one.
 */
export function missingBlindIndexes(tables: readonly SealedTable[]): string[] {
  return tables
    .filter((t) => t.columns.some((c) => c.searchable) && !BLIND_INDEXES.has(t.entity))
    .map((t) => t.entity)
}
