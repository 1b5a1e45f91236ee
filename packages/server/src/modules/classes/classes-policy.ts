import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A language class, by the compartment whose people it teaches. */
    LanguageClass: { compartmentId: string }
  }
}

/**
 * Classes: anyone who works with the compartment's people sees them (a field worker takes the
 * register); caseworkers and coordinators open classes, enrol, record sessions and completions.
 */
export const classPolicy = definePolicy('LanguageClass', {
  list: (actor, c) =>
    actor.hasRoleIn(c.compartmentId, ['coordinator', 'caseworker', 'field_worker']),
  read: (actor, c) =>
    actor.hasRoleIn(c.compartmentId, ['coordinator', 'caseworker', 'field_worker']),
  create: (actor, c) => actor.hasRoleIn(c.compartmentId, ['coordinator', 'caseworker']),
  update: (actor, c) => actor.hasRoleIn(c.compartmentId, ['coordinator', 'caseworker']),
})
