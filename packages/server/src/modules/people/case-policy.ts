import { allow } from '../../auth/policy.js'

/** Cases hold the most sensitive work: caseworkers and coordinators only. */
const WORKS = ['coordinator', 'caseworker'] as const

allow('list', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS))
allow('read', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS))
allow('create', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS))
allow('update', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS))
allow('identify', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS))
// Reopening a closed case, referring without consent, purging closed cases.
allow('manage', 'Case', (actor, c) => actor.hasRoleIn(c.compartmentId, ['coordinator']))
