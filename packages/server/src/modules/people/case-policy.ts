import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Case: { compartmentId: string }
    /** A note added to a case, or a follow-up marked done, by someone who may not read the case. */
    CaseNote: { compartmentId: string }
  }
}

/** Cases hold the most sensitive work: caseworkers and coordinators only. */
const WORKS = ['coordinator', 'caseworker'] as const

export const casePolicy = definePolicy('Case', {
  list: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  read: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  create: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  update: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  identify: (actor, c) => actor.hasRoleIn(c.compartmentId, WORKS),
  // Reopening a closed case, referring without consent, purging closed cases.
  manage: (actor, c) => actor.hasRoleIn(c.compartmentId, ['coordinator']),
})

/**
 * Field workers meet the people of a compartment's cases on visits: they add a note (sealed) or
 * mark a follow-up done, from the field app, knowing the case only by its code and its open
 * follow-ups' dates. They read neither the case nor its notes.
 */
export const caseNotePolicy = definePolicy('CaseNote', {
  create: (actor, c) => actor.hasRoleIn(c.compartmentId, [...WORKS, 'field_worker']),
})
