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

declare module '../../auth/policy.js' {
  interface Entities {
    /** A published annual report's figures as open data (HXL): public already, staff download. */
    PublishedFigures: Record<string, never>
  }
}

// What the report published is public; the download is for those who publish (editors) and
// those who report to donors and partners (finance).
export const publishedFiguresPolicy = definePolicy('PublishedFigures', {
  export: (actor) => actor.hasOrgRole(['editor']) || finance(actor),
})
