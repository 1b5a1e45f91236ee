import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A compartment, asked about as itself (a caller who cannot see it gets 404). */
    Compartment: { compartmentId: string }
  }
}

export const compartmentPolicy = definePolicy('Compartment', {
  // Administrators see every compartment (their metadata, not their records); others those they hold a grant in.
  list: (actor, c) =>
    actor.hasOrgRole(['administrator']) || actor.canSeeCompartment(c.compartmentId),
  read: (actor, c) =>
    actor.hasOrgRole(['administrator']) || actor.canSeeCompartment(c.compartmentId),
  create: (actor) => actor.hasOrgRole(['administrator']),
  update: (actor) => actor.hasOrgRole(['administrator']),
})
