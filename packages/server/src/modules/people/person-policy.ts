import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** People and everything recorded about them carry their compartment. */
    Person: { compartmentId: string }
  }
}

/**
 * People: field workers see codes and situations in their compartments (they hand out food and
 * visit); caseworkers and coordinators work cases and may reveal identities; only coordinators
 * merge people, override consent and purge under retention.
 */
const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const WORKS = ['coordinator', 'caseworker'] as const

export const personPolicy = definePolicy('Person', {
  list: (actor, p) => actor.hasRoleIn(p.compartmentId, SEES),
  read: (actor, p) => actor.hasRoleIn(p.compartmentId, SEES),
  create: (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS),
  update: (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS),
  identify: (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS),
  export: (actor, p) => actor.hasRoleIn(p.compartmentId, WORKS),
  manage: (actor, p) => actor.hasRoleIn(p.compartmentId, ['coordinator']),
})
