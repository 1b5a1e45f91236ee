import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** The annual activity report (organisation-wide, one per fiscal year). */
    AnnualReport: Record<string, never>
  }
}

// The report is what the organisation says in public, so its editors write, review, approve and
// publish it (like the website). Its private review shows true counts of protected people, so
// nobody else reads drafts either. Two different editors approve (the service checks that).
const editor = (actor: Actor) => actor.hasOrgRole(['editor'])

export const annualReportPolicy = definePolicy('AnnualReport', {
  list: editor,
  read: editor,
  create: editor,
  update: editor,
  manage: editor,
})
