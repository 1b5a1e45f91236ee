import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { allow } from '../../auth/policy.js'

const STAFF: readonly Role[] = ['coordinator', 'caseworker', 'field_worker', 'finance']
const FIELD: readonly Role[] = ['coordinator', 'caseworker', 'field_worker']

/** A role held anywhere: supplies and rates belong to the organisation, not to one shelter. */
const holdsAnywhere = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role))

allow('list', 'Supplies', (actor) => holdsAnywhere(actor, STAFF))
allow('create', 'Supplies', (actor) => holdsAnywhere(actor, ['coordinator', 'finance']))

allow('list', 'ExchangeRate', (actor) => holdsAnywhere(actor, STAFF))
allow('create', 'ExchangeRate', (actor) => holdsAnywhere(actor, ['finance']))

allow('list', 'AllowancePolicy', (actor, p) => actor.hasRoleIn(p.compartmentId, STAFF))
allow('create', 'AllowancePolicy', (actor, p) =>
  actor.hasRoleIn(p.compartmentId, ['coordinator', 'finance']),
)

/** Field workers record distributions where they are granted; only coordinators go past a cap. */
allow('list', 'Distribution', (actor, d) => actor.hasRoleIn(d.compartmentId, FIELD))
allow('create', 'Distribution', (actor, d) => actor.hasRoleIn(d.compartmentId, FIELD))
allow('manage', 'Distribution', (actor, d) => actor.hasRoleIn(d.compartmentId, ['coordinator']))
/** The figures: counts and money, no person. Finance follows the budget. */
allow('read', 'Distribution', (actor, d) => actor.hasRoleIn(d.compartmentId, STAFF))
