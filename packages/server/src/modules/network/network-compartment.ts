import type { AppContext } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'

/**
 * The compartment partner contacts are sealed in unless one is named: grant it to those who keep
 * in touch with partners. A contact who could be endangered goes in a restricted compartment.
 */
export const NETWORK_COMPARTMENT_CODE = 'NETWORK'

/** The network compartment's id, creating it (and its keys) the first time. */
export async function ensureNetworkCompartment(app: AppContext): Promise<string> {
  const db = app.database.db
  const existing = await findCompartmentByCode(db, NETWORK_COMPARTMENT_CODE)
  if (existing) return existing.id
  try {
    const created = await createCompartment(
      app,
      db,
      { code: NETWORK_COMPARTMENT_CODE, name: 'Partner contacts', kind: 'programme' },
      { actorId: null, requestId: null },
    )
    return created.id
  } catch (error) {
    // Two servers starting together: the other one created it first.
    const raced = await findCompartmentByCode(db, NETWORK_COMPARTMENT_CODE)
    if (raced) return raced.id
    throw error
  }
}
