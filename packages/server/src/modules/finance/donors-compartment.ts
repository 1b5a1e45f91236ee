import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The compartment that seals the names of donors who are not sponsors, as their receipts print
 * them. Finance holding a grant there (or organisation-wide) prints them; shredding it leaves the
 * receipts naming their donors by code only.
 */
export const DONORS_COMPARTMENT_CODE = 'DONORS'

/** The donors compartment's id, creating it (and its keys) the first time. */
export function ensureDonorsCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: DONORS_COMPARTMENT_CODE,
    name: 'Donors named on receipts',
    kind: 'programme',
  })
}
