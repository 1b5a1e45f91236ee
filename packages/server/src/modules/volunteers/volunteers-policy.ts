import { IDENTIFYING_ROLES, type Role } from '@haven/core/auth/roles'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A volunteer or intern, with assignments and hours; contact details sealed. */
    Volunteer: { compartmentId: string }
  }
}

/**
 * Coordinators and caseworkers screen and assign volunteers in the compartments they hold; the
 * name and how to reach them open only for those who may identify there.
 */
const KEEPS: readonly Role[] = ['coordinator', 'caseworker']

export const volunteerPolicy = definePolicy('Volunteer', {
  list: (actor, v) => actor.hasRoleIn(v.compartmentId, KEEPS),
  read: (actor, v) => actor.hasRoleIn(v.compartmentId, KEEPS),
  create: (actor, v) => actor.hasRoleIn(v.compartmentId, KEEPS),
  update: (actor, v) => actor.hasRoleIn(v.compartmentId, KEEPS),
  identify: (actor, v) => actor.hasRoleIn(v.compartmentId, IDENTIFYING_ROLES),
})
