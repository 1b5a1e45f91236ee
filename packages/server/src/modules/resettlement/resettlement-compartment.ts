import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The restricted compartment pathways are kept in by default, created (with its keys) at start so
 * an administrator can grant it to the few who work journeys. Grants held for the shelters or the
 * whole organisation do not open it.
 */
export const RESETTLEMENT_COMPARTMENT_CODE = 'RESETTLE'

export function ensureResettlementCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: RESETTLEMENT_COMPARTMENT_CODE,
    name: 'Resettlement',
    kind: 'programme',
    restricted: true,
  })
}
