import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** The organisation's IATI files and their settings: money by programme, published results. */
    IatiPublication: Record<string, never>
  }
}

// The files carry the books' monthly totals by programme, so finance makes and sets them up (as it
// exports the journal); the results in them are figures the annual report already published.
const finance = (actor: Actor) => actor.grants.some((g) => g.role === 'finance')

export const iatiPolicy = definePolicy('IatiPublication', {
  read: finance,
  update: finance,
  export: finance,
})
