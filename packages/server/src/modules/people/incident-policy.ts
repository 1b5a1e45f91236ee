import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Incident: { compartmentId: string }
  }
}

const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const WORKS = ['coordinator', 'caseworker'] as const

/** Field workers are often first to know of an arrest: they may record incidents, not edit them. */
export const incidentPolicy = definePolicy('Incident', {
  list: (actor, i) => actor.hasRoleIn(i.compartmentId, SEES),
  read: (actor, i) => actor.hasRoleIn(i.compartmentId, SEES),
  create: (actor, i) => actor.hasRoleIn(i.compartmentId, SEES),
  update: (actor, i) => actor.hasRoleIn(i.compartmentId, WORKS),
  identify: (actor, i) => actor.hasRoleIn(i.compartmentId, WORKS),
})
