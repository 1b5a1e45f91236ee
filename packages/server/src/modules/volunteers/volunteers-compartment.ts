import type { AppContext } from '../../app-context.js'
import { ensureCompartment } from '../../compartments/compartment-service.js'

/**
 * The compartment volunteers' contact details are sealed in unless another is named: its own,
 * so granting someone the shelters does not open the list of who helps them, and shredding it
 * forgets every volunteer's name at once.
 */
export const VOLUNTEERS_COMPARTMENT_CODE = 'VOLUNTEERS'

export function ensureVolunteersCompartment(app: AppContext): Promise<string> {
  return ensureCompartment(app, {
    code: VOLUNTEERS_COMPARTMENT_CODE,
    name: 'Volunteers and interns',
    kind: 'programme',
  })
}
