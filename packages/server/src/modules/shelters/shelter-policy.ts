import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A shelter, by its compartment (its id is the compartment's id). */
    Shelter: { compartmentId: string }
    /** A shelter's residents and its incident and oversight log. */
    ShelterRecord: { compartmentId: string }
    /** A shelter's incident and oversight log, as written (reading its notes is ShelterRecord's). */
    ShelterLog: { compartmentId: string }
  }
}

/**
 * Shelters: everyone working in a shelter sees it (codes, capacity, who lives there by code);
 * coordinators change its details and mark it compromised (or undo that). Opening a new shelter
 * creates a compartment, so it needs a coordinator for every shelter or an administrator.
 * Residents and the incident log are kept by coordinators and caseworkers, who alone read the
 * log's sealed notes. Field workers, who visit the shelters, also write log entries (an oversight
 * visit, a caretaker detained), from the field app too, without reading the entries of others.
 */
const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const KEEPS = ['coordinator', 'caseworker'] as const

export const shelterPolicy = definePolicy('Shelter', {
  list: (actor, s) => actor.hasRoleIn(s.compartmentId, SEES),
  read: (actor, s) => actor.hasRoleIn(s.compartmentId, SEES),
  create: (actor) => actor.hasOrgRole(['administrator', 'coordinator']),
  update: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']),
  manage: (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']),
})

export const shelterRecordPolicy = definePolicy('ShelterRecord', {
  create: (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS),
  update: (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS),
  identify: (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS),
})

export const shelterLogPolicy = definePolicy('ShelterLog', {
  create: (actor, s) => actor.hasRoleIn(s.compartmentId, SEES),
})
