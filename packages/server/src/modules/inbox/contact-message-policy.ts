import { IDENTIFYING_ROLES } from '@haven/core/auth/roles'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A message from the public site's forms, sealed in an inbox compartment. */
    ContactMessage: { compartmentId: string }
  }
}

// Messages from the public forms may come from a refugee: they are identifying data. Only those
// who may see identifying data (coordinators, caseworkers) in the inbox's compartment read or
// answer them. Administrators and editors do not, unless granted there.
export const contactMessagePolicy = definePolicy('ContactMessage', {
  list: (actor, m) => actor.hasRoleIn(m.compartmentId, IDENTIFYING_ROLES),
  read: (actor, m) => actor.hasRoleIn(m.compartmentId, IDENTIFYING_ROLES),
  update: (actor, m) => actor.hasRoleIn(m.compartmentId, IDENTIFYING_ROLES),
})
