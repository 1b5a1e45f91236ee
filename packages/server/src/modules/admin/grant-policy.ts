import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A user's grant, asked about by whose it is (a compartment's grants are the administrators'). */
    Grant: { userId: string }
  }
}

// Nobody grants themselves more: an administrator's own grants are changed by another administrator.
export const grantPolicy = definePolicy('Grant', {
  list: (actor, g) => actor.hasOrgRole(['administrator']) || actor.userId === g.userId,
  create: (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
  delete: (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
})
