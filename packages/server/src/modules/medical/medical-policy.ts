import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /**
     * A treatment, by the compartment of its case; `sensitive` when it carries a flag (torture
     * survivor…). Lists are asked without it (undefined: not sensitive).
     */
    Treatment: { compartmentId: string; sensitive?: boolean }
  }
}

const WORKS = ['coordinator', 'caseworker'] as const

/**
 * Treatments: caseworkers and coordinators of the case's compartment; a flagged treatment is read
 * (and flagged) by coordinators only — to the others it does not exist.
 */
export const treatmentPolicy = definePolicy('Treatment', {
  list: (actor, t) => actor.hasRoleIn(t.compartmentId, WORKS),
  read: (actor, t) => actor.hasRoleIn(t.compartmentId, t.sensitive ? ['coordinator'] : WORKS),
  create: (actor, t) => actor.hasRoleIn(t.compartmentId, t.sensitive ? ['coordinator'] : WORKS),
})
