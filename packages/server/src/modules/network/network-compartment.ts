import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The compartment partner contacts are sealed in unless one is named: grant it to those who keep
 * in touch with partners. A contact who could be endangered goes in a restricted compartment.
 */
export const NETWORK_COMPARTMENT_CODE = 'NETWORK'

/** The network compartment's id, creating it (and its keys) the first time. */
export function ensureNetworkCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: NETWORK_COMPARTMENT_CODE,
    name: 'Partner contacts',
    kind: 'programme',
  })
}
