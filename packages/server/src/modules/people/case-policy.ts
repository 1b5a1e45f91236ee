import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Case: { compartmentId: string }
  }
}

/** Cases hold the most sensitive work: caseworkers and coordinators only. */
const WORKS = ['coordinator', 'caseworker'] as const

export const casePolicy = definePolicy('Case', {
  list: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  read: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  create: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  update: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  identify: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  // Reopening a closed case, referring without consent, purging closed cases.
  manage: (actor, c) => actor.hasRoleIn(c.compartmentId, ['coordinator']),
})
