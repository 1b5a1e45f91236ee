import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { allCompartmentIds } from './person-store.js'

/** Compartment ids where one of `roles` applies for the actor (an organisation-wide grant: all). */
export async function compartmentsFor(
  db: Db,
  actor: Actor,
  roles: readonly Role[],
  only?: string,
): Promise<string[]> {
  const held = actor.compartmentsWith(roles)
  const ids = held === 'all' ? await allCompartmentIds(db) : held
  return only ? ids.filter((id) => id === only) : ids
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
