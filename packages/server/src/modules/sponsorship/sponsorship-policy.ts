import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A child's enrolment in the education plan, with its terms and school payments. */
    SponsorshipEnrolment: { compartmentId: string }
    /** A sponsor, kept in a compartment (which seals the contact), with pledges and payments. */
    Sponsor: { compartmentId: string }
  }
}

const KEEPS = ['coordinator', 'caseworker'] as const

/**
 * Enrolments are kept by coordinators and caseworkers where they work (they alone open the school
 * name, guardian and notes); re-opening an ended enrolment and ending many by an incident is a
 * coordinator's decision.
 */
export const enrolmentPolicy = definePolicy('SponsorshipEnrolment', {
  list: (actor, e) => actor.hasRoleIn(e.compartmentId, KEEPS),
  read: (actor, e) => actor.hasRoleIn(e.compartmentId, KEEPS),
  create: (actor, e) => actor.hasRoleIn(e.compartmentId, KEEPS),
  update: (actor, e) => actor.hasRoleIn(e.compartmentId, KEEPS),
  manage: (actor, e) => actor.hasRoleIn(e.compartmentId, ['coordinator']),
  identify: (actor, e) => actor.hasRoleIn(e.compartmentId, KEEPS),
})

/**
 * Sponsors: coordinators keep them and read their contact; finance sees them (pledges and
 * payments, by code) to follow the money.
 */
export const sponsorPolicy = definePolicy('Sponsor', {
  list: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator', 'finance']),
  read: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator', 'finance']),
  create: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']),
  update: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']),
  identify: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']),
})
