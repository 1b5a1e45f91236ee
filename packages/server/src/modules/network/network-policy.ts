import { IDENTIFYING_ROLES, type Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** Partners, their relationship history, events and publications: the organisation's own. */
    Partner: Record<string, never>
    /** A person at a partner, sealed in a compartment (a restricted one when they could be endangered). */
    PartnerContact: { compartmentId: string }
    /** What an event cost: recorded here and posted to the books (finance) in one transaction. */
    PartnerCost: Record<string, never>
  }
}

/**
 * Coordinators and caseworkers work with partners; editors write up events and publications for
 * the site; finance reads them too, since it records what an event cost. Who the partners are is not identifying (they are organisations), but the people at
 * them are: contacts follow their compartment, opened only by those who may identify there.
 */
const READS: readonly Role[] = ['coordinator', 'caseworker', 'editor', 'finance']
const KEEPS: readonly Role[] = ['coordinator', 'editor']

/** A role held anywhere: partners belong to the organisation, not to one compartment. */
const holdsAnywhere = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role))

export const partnerPolicy = definePolicy('Partner', {
  list: (actor) => holdsAnywhere(actor, READS),
  read: (actor) => holdsAnywhere(actor, READS),
  create: (actor) => holdsAnywhere(actor, KEEPS),
  update: (actor) => holdsAnywhere(actor, KEEPS),
})

export const partnerContactPolicy = definePolicy('PartnerContact', {
  list: (actor, c) => actor.hasRoleIn(c.compartmentId, IDENTIFYING_ROLES),
  create: (actor, c) => actor.hasRoleIn(c.compartmentId, IDENTIFYING_ROLES),
  update: (actor, c) => actor.hasRoleIn(c.compartmentId, IDENTIFYING_ROLES),
  identify: (actor, c) => actor.hasRoleIn(c.compartmentId, IDENTIFYING_ROLES),
})

/**
 * An event's costs go to the books (finance), so recording one spends the organisation's money:
 * coordinators (in any compartment, as for partners) and finance may, the site's editors may not — an editor
 * writes up events for the public, and nothing else they do posts money.
 */
export const partnerCostPolicy = definePolicy('PartnerCost', {
  create: (actor) => holdsAnywhere(actor, ['coordinator', 'finance']),
})
