import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The restricted compartment detained aid workers' records go in unless another is named. Its
 * policy opens it only to grants made in it (see detained-policy.ts), so an administrator grants
 * it person by person.
 */
export const DETAINED_COMPARTMENT_CODE = 'DETAINED'

export function ensureDetainedCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: DETAINED_COMPARTMENT_CODE,
    name: 'Detained aid workers',
    kind: 'programme',
    restricted: true,
  })
}
