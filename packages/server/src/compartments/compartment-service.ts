import type { CompartmentKind } from '@haven/core/auth/roles'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { isShredded } from '../crypto/key-store.js'
import { isUniqueViolation } from '../db/constraint-errors.js'
import { type Db, inTransaction } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { errors } from '../http/errors.js'
import { findCompartmentByCode, insertCompartment, markRestricted } from './compartment-store.js'
import type { CompartmentsTable } from './compartment-tables.js'

/**
 * Refuses changes in a compartment whose keys were destroyed (409 `keys_destroyed`: for good, so
 * said first) or that is frozen after being marked compromised (423 `record_frozen`). Its records
 * stay readable as codes, dates and counts either way.
 */
export async function assertCompartmentWritable(
  db: Db,
  compartment: Pick<CompartmentsTable, 'id' | 'status'>,
): Promise<void> {
  if (await isShredded(db, compartment.id)) throw errors.keysDestroyed()
  if (compartment.status === 'compromised') throw errors.recordFrozen()
}

/**
 * The id of the compartment with this code, creating it (and its keys) the first time: for the
 * compartments a module keeps its own records in (the contact inbox, partner contacts, detained
 * aid workers, resettlement), made at start so administrators can grant them before first use.
 * Two servers starting together may both try; the loser reads the winner's row.
 */
export async function ensureCompartment(
  app: AppContext,
  input: { code: string; name: string; kind: CompartmentKind; restricted?: boolean },
): Promise<string> {
  const { restricted, ...fields } = input
  const id = await findOrCreate(app, fields)
  // Marked every start, so a compartment made before restriction existed is restricted too.
  if (restricted) await markRestricted(app.database.db, id)
  return id
}

async function findOrCreate(
  app: AppContext,
  input: { code: string; name: string; kind: CompartmentKind },
): Promise<string> {
  const db = app.database.db
  const existing = await findCompartmentByCode(db, input.code)
  if (existing) return existing.id
  try {
    return (await createCompartment(app, db, input, { actorId: null, requestId: null })).id
  } catch (error) {
    // The other server won: the service's own check answered compartment_code_taken, or the
    // insert met the unique index.
    const raced = await findCompartmentByCode(db, input.code)
    if (raced) return raced.id
    throw error
  }
}

export async function createCompartment(
  app: AppContext,
  db: Db,
  input: { code: string; name: string; kind: CompartmentKind },
  by: { actorId: string | null; requestId: string | null },
): Promise<CompartmentsTable> {
  try {
    return await insertWithKeys(app, db, input, by)
  } catch (error) {
    // Another request (or server) took the code between our check and our insert.
    if (isUniqueViolation(error)) throw errors.compartmentCodeTaken()
    throw error
  }
}

function insertWithKeys(
  app: AppContext,
  db: Db,
  input: { code: string; name: string; kind: CompartmentKind },
  by: { actorId: string | null; requestId: string | null },
): Promise<CompartmentsTable> {
  return inTransaction(db, async (trx) => {
    if (await findCompartmentByCode(trx, input.code)) throw errors.compartmentCodeTaken()
    const now = app.now().toISOString()
    const row: CompartmentsTable = {
      id: newId(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      status: 'active',
      retention_days: null,
      created_at: now,
      updated_at: now,
    }
    await insertCompartment(trx, row)
    // Its own data and index keys, in the same transaction: no compartment ever lacks them.
    await app.crypto.keyring.createOwnerKeys(trx, row.id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'compartment.created',
      entityType: 'Compartment',
      entityId: row.id,
      compartmentId: row.id,
      requestId: by.requestId,
      details: { code: row.code, kind: row.kind },
    })
    return row
  })
}
