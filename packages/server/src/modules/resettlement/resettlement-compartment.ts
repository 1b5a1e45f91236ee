import type { AppContext } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'

/**
 * The restricted compartment pathways are kept in by default, created (with its keys) at start so
 * an administrator can grant it to the few who work journeys. Grants held for the shelters or the
 * whole organisation do not open it.
 */
export const RESETTLEMENT_COMPARTMENT_CODE = 'RESETTLE'

export async function ensureResettlementCompartment(app: AppContext): Promise<string> {
  const db = app.database.db
  const existing = await findCompartmentByCode(db, RESETTLEMENT_COMPARTMENT_CODE)
  if (existing) return existing.id
  try {
    const created = await createCompartment(
      app,
      db,
      { code: RESETTLEMENT_COMPARTMENT_CODE, name: 'Resettlement', kind: 'programme' },
      { actorId: null, requestId: null },
    )
    return created.id
  } catch (error) {
    // Another server created it at the same moment.
    const raced = await findCompartmentByCode(db, RESETTLEMENT_COMPARTMENT_CODE)
    if (raced) return raced.id
    throw error
  }
}
