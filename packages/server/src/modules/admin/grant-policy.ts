import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Grant: { userId: string; compartmentId: string | null }
  }
}

// Nobody grants themselves more: an administrator's own grants are changed by another administrator.
export const grantPolicy = definePolicy('Grant', {
  list: (actor, g) => actor.hasOrgRole(['administrator']) || actor.userId === g.userId,
  create: (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
  delete: (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
})
