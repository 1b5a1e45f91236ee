import type { CompartmentKind } from '@haven/core/auth/roles'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import type { Db } from '../db/db-handle.js'
import { inTransaction } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { errors } from '../http/errors.js'
import { findCompartmentByCode, insertCompartment } from './compartment-store.js'
import type { CompartmentsTable } from './compartment-tables.js'

/**
 * Things that must happen whenever a compartment is created, inside the same transaction
 * (the encryption module creates the compartment's data keys here).
 */
export type CompartmentCreatedHook = (db: Db, compartment: CompartmentsTable) => Promise<void>
const createdHooks: CompartmentCreatedHook[] = []
export function onCompartmentCreated(hook: CompartmentCreatedHook): void {
  createdHooks.push(hook)
}

export async function createCompartment(
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
      created_at: now,
      updated_at: now,
    }
    await insertCompartment(trx, row)
    for (const hook of createdHooks) await hook(trx, row)
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
