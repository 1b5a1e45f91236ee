import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The compartment whose index key keys the rows of sheets of supplies received. Supplies belong
 * to the organisation, not to one shelter (a warehouse has no compartment), so an import's row
 * keys cannot be kept in the place's: they are kept here. Nothing is sealed in it; each
 * movement's audit entry still names its place's compartment.
 */
export const SUPPLIES_COMPARTMENT_CODE = 'SUPPLIES'

/** The supplies compartment's id, creating it (and its keys) the first time. */
export function ensureSuppliesCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: SUPPLIES_COMPARTMENT_CODE,
    name: 'Supplies received from spreadsheets',
    kind: 'programme',
  })
}
