import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Compartment: { id: string }
  }
}

export const compartmentPolicy = definePolicy('Compartment', {
  list: () => true,
  read: (actor, c) => actor.hasOrgRole(['administrator']) || actor.canSeeCompartment(c.id),
  create: (actor) => actor.hasOrgRole(['administrator']),
  update: (actor) => actor.hasOrgRole(['administrator']),
})
