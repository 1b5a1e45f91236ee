import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    User: { id: string }
  }
}

// Administrators manage accounts. They do not see case contents: that takes a compartment grant.
// An administrator cannot suspend themselves (and so lock the organisation out).
export const userPolicy = definePolicy('User', {
  list: (actor) => actor.hasOrgRole(['administrator']),
  read: (actor, user) => actor.hasOrgRole(['administrator']) || actor.userId === user.id,
  create: (actor) => actor.hasOrgRole(['administrator']),
  update: (actor, user) => actor.hasOrgRole(['administrator']) && actor.userId !== user.id,
  manage: (actor, user) => actor.hasOrgRole(['administrator']) && actor.userId !== user.id,
})
