import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../auth/actor.js'
import { errors } from '../http/errors.js'

/**
 * A restricted compartment (detained aid workers, resettlement journeys) opens only to grants
 * made in it: an organisation-wide grant, which opens every shelter, does not open it, so the
 * few who work there are named one by one. Policies of such records ask this instead of
 * `actor.hasRoleIn`.
 */
export function holdsGrantThere(
  actor: Actor,
  compartmentId: string,
  roles: readonly Role[],
): boolean {
  return actor.grants.some((g) => g.compartmentId === compartmentId && roles.includes(g.role))
}

/**
 * A record of a restricted compartment as the caller may know it: answered as missing (404) to
 * anyone without a grant in the compartment itself — organisation-wide holders too, whom the
 * general rule (`authorize`) would answer 403, telling them the record exists. For route loaders.
 */
export function visibleInRestricted<R extends { compartment_id: string }>(
  actor: Actor,
  record: R,
): R {
  if (!actor.grants.some((g) => g.compartmentId === record.compartment_id)) throw errors.notFound()
  return record
}
