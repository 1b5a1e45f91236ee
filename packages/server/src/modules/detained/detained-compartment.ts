import type { AppContext } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'

/**
 * The restricted compartment detained aid workers' records go in unless another is named. Its
 * policy opens it only to grants made in it (see detained-policy.ts), so an administrator grants
 * it person by person.
 */
export const DETAINED_COMPARTMENT_CODE = 'DETAINED'

export async function ensureDetainedCompartment(app: AppContext): Promise<string> {
  const db = app.database.db
  const existing = await findCompartmentByCode(db, DETAINED_COMPARTMENT_CODE)
  if (existing) return existing.id
  try {
    const created = await createCompartment(
      app,
      db,
      { code: DETAINED_COMPARTMENT_CODE, name: 'Detained aid workers', kind: 'programme' },
      { actorId: null, requestId: null },
    )
    return created.id
  } catch (error) {
    const raced = await findCompartmentByCode(db, DETAINED_COMPARTMENT_CODE)
    if (raced) return raced.id
    throw error
  }
}
