import type { Role } from '@haven/core/auth/roles'
import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** Items, locations, stock and its movements: the organisation's logistics. */
    Supplies: Record<string, never>
    /** Dated exchange rates entered by finance. */
    ExchangeRate: Record<string, never>
    AllowancePolicy: { compartmentId: string }
    Distribution: { compartmentId: string }
  }
}

const STAFF: readonly Role[] = ['coordinator', 'caseworker', 'field_worker', 'finance']
const FIELD: readonly Role[] = ['coordinator', 'caseworker', 'field_worker']

/** A role held anywhere: supplies and rates belong to the organisation, not to one shelter. */
const holdsAnywhere = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role))

export const suppliesPolicy = definePolicy('Supplies', {
  list: (actor) => holdsAnywhere(actor, STAFF),
  create: (actor) => holdsAnywhere(actor, ['coordinator', 'finance']),
})

export const exchangeRatePolicy = definePolicy('ExchangeRate', {
  list: (actor) => holdsAnywhere(actor, STAFF),
  create: (actor) => holdsAnywhere(actor, ['finance']),
})

export const allowancePolicyPolicy = definePolicy('AllowancePolicy', {
  list: (actor, p) => actor.hasRoleIn(p.compartmentId, STAFF),
  create: (actor, p) => actor.hasRoleIn(p.compartmentId, ['coordinator', 'finance']),
})

/** Field workers record distributions where they are granted; only coordinators go past a cap. */
export const distributionPolicy = definePolicy('Distribution', {
  list: (actor, d) => actor.hasRoleIn(d.compartmentId, FIELD),
  create: (actor, d) => actor.hasRoleIn(d.compartmentId, FIELD),
  manage: (actor, d) => actor.hasRoleIn(d.compartmentId, ['coordinator']),
  /** The figures: counts and money, no person. Finance follows the budget. */
  read: (actor, d) => actor.hasRoleIn(d.compartmentId, STAFF),
})
