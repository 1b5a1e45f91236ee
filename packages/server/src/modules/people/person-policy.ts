import { allow } from '../../auth/policy.js'

/**
 * People: field workers see codes and situations in their compartments (they hand out food and
 * visit); caseworkers and coordinators work cases and may reveal identities; only coordinators
 * merge people, override consent and purge under retention.
 */
const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const WORKS = ['coordinator', 'caseworker'] as const

allow('list', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, SEES))
allow('read', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, SEES))
allow('create', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS))
allow('update', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS))
allow('identify', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS))
allow('export', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS))
allow('manage', 'Person', (actor, p) => actor.hasRoleIn(p.compartmentId, ['coordinator']))
