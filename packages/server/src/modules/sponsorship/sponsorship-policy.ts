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
 * Sponsors: coordinators and sponsor relations keep them and read their contact (sponsors'
 * privacy matters too: every read audited); finance sees them by code to follow the money.
 * Sponsor relations hold no rule on enrolments, so they know children only by the alias a
 * sponsor view shows.
 */
const SPONSOR_KEEPERS = ['coordinator', 'sponsor_relations'] as const
export const sponsorPolicy = definePolicy('Sponsor', {
  list: (actor, s) => actor.hasRoleIn(s.compartmentId, [...SPONSOR_KEEPERS, 'finance']),
  read: (actor, s) => actor.hasRoleIn(s.compartmentId, [...SPONSOR_KEEPERS, 'finance']),
  create: (actor, s) => actor.hasRoleIn(s.compartmentId, SPONSOR_KEEPERS),
  update: (actor, s) => actor.hasRoleIn(s.compartmentId, SPONSOR_KEEPERS),
  identify: (actor, s) => actor.hasRoleIn(s.compartmentId, SPONSOR_KEEPERS),
})
