import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** The annual activity report (organisation-wide, one per fiscal year). */
    AnnualReport: Record<string, never>
    /** The organisation's disclosure settings and rounding secret (one per organisation). */
    DisclosurePolicy: Record<string, never>
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

// The disclosure policy decides what the organisation may publish about the people it protects:
// administrators set it and rotate its secret; editors read it (the review applies it).
const administrator = (actor: Actor) => actor.hasOrgRole(['administrator'])

export const disclosurePolicyPolicy = definePolicy('DisclosurePolicy', {
  read: (actor) => administrator(actor) || editor(actor),
  update: administrator,
  manage: administrator,
})
