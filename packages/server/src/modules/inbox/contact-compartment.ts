import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/** The inbox compartment that seals contact messages; grant it to those who answer them. */
export const CONTACT_COMPARTMENT_CODE = 'CONTACT'

/**
 * The contact compartment's id, creating it (and its keys) the first time. Created at start-up
 * too, so administrators can grant it before the first message arrives.
 */
export function ensureContactCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: CONTACT_COMPARTMENT_CODE,
    name: 'Contact messages',
    kind: 'inbox',
  })
}
