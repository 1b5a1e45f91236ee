import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A resettlement pathway, by the restricted compartment that holds it. */
    Pathway: { compartmentId: string }
    /** A request to return (and its funds), by the restricted compartment that holds it. */
    ReturneeSupport: { compartmentId: string }
  }
}

/**
 * Whether the actor holds one of `roles` granted in this very compartment. Resettlement
 * compartments are restricted: an organisation-wide grant (a coordinator of every shelter) does
 * not open them, only a grant given there, so the few who work a journey are named one by one.
 */
export function holdsOwnGrant(actor: Actor, compartmentId: string, roles: readonly Role[]) {
  return actor.grants.some((g) => g.compartmentId === compartmentId && roles.includes(g.role))
}

const WORKS = ['coordinator', 'caseworker'] as const

/** Pathways: caseworkers and coordinators granted in the resettlement compartment itself. */
export const pathwayPolicy = definePolicy('Pathway', {
  list: (actor, p) => holdsOwnGrant(actor, p.compartmentId, WORKS),
  read: (actor, p) => holdsOwnGrant(actor, p.compartmentId, WORKS),
  create: (actor, p) => holdsOwnGrant(actor, p.compartmentId, WORKS),
  update: (actor, p) => holdsOwnGrant(actor, p.compartmentId, WORKS),
})

/** Requests to return: the same people as pathways, granted in the compartment itself. */
export const returneePolicy = definePolicy('ReturneeSupport', {
  list: (actor, r) => holdsOwnGrant(actor, r.compartmentId, WORKS),
  read: (actor, r) => holdsOwnGrant(actor, r.compartmentId, WORKS),
  create: (actor, r) => holdsOwnGrant(actor, r.compartmentId, WORKS),
  update: (actor, r) => holdsOwnGrant(actor, r.compartmentId, WORKS),
})
