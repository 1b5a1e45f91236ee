import type { Role } from '@haven/core/auth/roles'
import { definePolicy } from '../../auth/policy.js'
import { holdsGrantThere as grantedThere } from '../../compartments/restricted-compartment.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A detained aid worker's record, with its timeline, family support and advocacy. */
    DetainedWorker: { compartmentId: string }
  }
}

/**
 * Restricted by default: only a grant IN the record's compartment opens it. An organisation-wide
 * coordinator, who sees every shelter, does not see detained workers until an administrator
 * grants them this compartment (and is answered 404, see detained-routes.ts): a leak here can
 * lengthen a sentence or reach a family.
 * Coordinators and caseworkers keep the record; only coordinators see the name.
 */
const KEEPS: readonly Role[] = ['coordinator', 'caseworker']

export const detainedWorkerPolicy = definePolicy('DetainedWorker', {
  list: (actor, w) => grantedThere(actor, w.compartmentId, KEEPS),
  read: (actor, w) => grantedThere(actor, w.compartmentId, KEEPS),
  create: (actor, w) => grantedThere(actor, w.compartmentId, KEEPS),
  update: (actor, w) => grantedThere(actor, w.compartmentId, KEEPS),
  identify: (actor, w) => grantedThere(actor, w.compartmentId, ['coordinator']),
  /**
   * Approving (or withdrawing) a public campaign page speaks for the worker in public: a
   * coordinator or an administrator holding a grant in the record's compartment itself.
   */
  manage: (actor, w) => grantedThere(actor, w.compartmentId, ['coordinator', 'administrator']),
})
