import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A registered phone, asked about by whose it is. */
    FieldDevice: { userId: string }
    /** What field devices sent past a cap or against a newer record, by compartment. */
    FieldReview: { compartmentId: string }
  }
}

/**
 * Devices: each user registers, lists and revokes their own; an administrator sees and revokes
 * anyone's (a phone reported seized while its owner is detained). Review of what devices sent is
 * the compartment coordinators' (they alone may let a distribution past a cap).
 */
export const fieldDevicePolicy = definePolicy('FieldDevice', {
  list: (actor, d) => actor.userId === d.userId || actor.hasOrgRole(['administrator']),
  manage: (actor, d) => actor.userId === d.userId || actor.hasOrgRole(['administrator']),
})

export const fieldReviewPolicy = definePolicy('FieldReview', {
  list: (actor, r) => actor.hasRoleIn(r.compartmentId, ['coordinator']),
  manage: (actor, r) => actor.hasRoleIn(r.compartmentId, ['coordinator']),
})
