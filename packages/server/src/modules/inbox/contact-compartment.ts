import type { AppContext } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'

/** The inbox compartment that seals contact messages; grant it to those who answer them. */
export const CONTACT_COMPARTMENT_CODE = 'CONTACT'

/**
 * The contact compartment's id, creating it (and its keys) the first time. Created at start-up
 * too, so administrators can grant it before the first message arrives.
 */
export async function ensureContactCompartment(app: AppContext): Promise<string> {
  const db = app.database.db
  const existing = await findCompartmentByCode(db, CONTACT_COMPARTMENT_CODE)
  if (existing) return existing.id
  try {
    const created = await createCompartment(
      app,
      db,
      { code: CONTACT_COMPARTMENT_CODE, name: 'Contact messages', kind: 'inbox' },
      { actorId: null, requestId: null },
    )
    return created.id
  } catch (error) {
    // Another server instance created it at the same moment: the service's own check answers
    // compartment_code_taken, or the insert meets the unique index (two servers starting together).
    const raced = await findCompartmentByCode(db, CONTACT_COMPARTMENT_CODE)
    if (raced) return raced.id
    throw error
  }
}
