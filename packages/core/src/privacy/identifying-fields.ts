/**
 * The one declaration of which fields identify a person. It drives, everywhere at once:
 * encryption at rest (each is sealed with its compartment's key), the "identify" permission
 * (without it the API never sends them), export redaction, and auditing of every read.
 * A module adds its entity here; a test checks every sealed column in the schema is declared.
 */
export interface SealedField {
  /** Name in API bodies and views. */
  field: string
  /** Column holding the sealed value. */
  column: string
  /** Whether the value is blind-indexed for search (names only). */
  searchable?: boolean
}

/**
 * Each sealed value is sealed at the address `{ table, column, recordId: row[idColumn],
 * compartmentId: row[compartmentColumn] }`; key rotation, backups and the byte-scan tests rely
 * on that, so a module must seal its fields exactly there.
 */
export interface IdentifyingEntity {
  table: string
  /** Column with the record id used in the associated data (binds ciphertext to its row). */
  idColumn: string
  compartmentColumn: string
  fields: readonly SealedField[]
}

export const IDENTIFYING_ENTITIES: Record<string, IdentifyingEntity> = {}

/** Registers an entity's identifying fields (called by the module that owns the entity). */
export function declareIdentifying(
  entity: string,
  declaration: IdentifyingEntity,
): IdentifyingEntity {
  IDENTIFYING_ENTITIES[entity] = declaration
  return declaration
}

/** Every declared entity, by name (modules declare theirs when their core file is imported). */
export function identifyingEntities(): [string, IdentifyingEntity][] {
  return Object.entries(IDENTIFYING_ENTITIES)
}

/** Removes a declaration; for tests that declare a scratch entity. */
export function undeclareIdentifying(entity: string): void {
  delete IDENTIFYING_ENTITIES[entity]
}
