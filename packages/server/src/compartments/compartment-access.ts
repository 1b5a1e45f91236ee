import type { Actor } from '../auth/actor.js'
import { type Action, type CompartmentEntity, can, type Entities } from '../auth/policy.js'
import type { Db } from '../db/db-handle.js'
import { errors } from '../http/errors.js'
import { assertCompartmentWritable } from './compartment-service.js'
import { allCompartmentIds, findCompartment } from './compartment-store.js'

/**
 * The compartments in which the policy lets the actor take `action` on `entity` (a list route's
 * scope), asked of the policy itself rather than of a list of roles. Candidates are the
 * compartments the actor holds a grant in, or every compartment for an organisation-wide grant.
 */
export async function compartmentsWhere(
  db: Db,
  actor: Actor,
  action: Action,
  entity: CompartmentEntity,
): Promise<string[]> {
  const candidates = actor.grants.some((g) => g.compartmentId === null)
    ? (actor.everyCompartment ?? (await allCompartmentIds(db)))
    : [...new Set(actor.grants.flatMap((g) => (g.compartmentId ? [g.compartmentId] : [])))]
  return candidates.filter((compartmentId) =>
    can(actor, action, entity, { compartmentId } as Entities[typeof entity]),
  )
}

/**
 * Refuses changes in a compartment that is frozen (marked compromised after a raid: its records
 * stay readable for the people who must act, but nothing is added or altered until it is cleared)
 * or shredded (for good).
 */
export async function assertWritable(db: Db, compartmentId: string): Promise<void> {
  const compartment = await findCompartment(db, compartmentId)
  if (!compartment) throw errors.notFound()
  await assertCompartmentWritable(db, compartment)
}
