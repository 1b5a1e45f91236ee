import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A key owner's keys: a compartment's (by id), or Haven's own (`system`). */
    Keys: { ownerId: string }
  }
}

// Key operations are the administrators': they see versions, rotations and exports (never key
// material, never case contents), rotate keys, and shred a compartment (after re-authenticating
// and typing its code). Nobody else touches keys.
export const keysPolicy = definePolicy('Keys', {
  read: (actor) => actor.hasOrgRole(['administrator']),
  manage: (actor) => actor.hasOrgRole(['administrator']),
  delete: (actor) => actor.hasOrgRole(['administrator']),
})
