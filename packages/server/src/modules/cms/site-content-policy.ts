import type { Actor } from '../../auth/actor.js'
import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** The website's content: pages, news, reports, FAQ, navigation, images (organisation-wide). */
    SiteContent: Record<string, never>
  }
}

// Editors write, review, publish and arrange the public website. Nobody else does: not even
// administrators, whose role is accounts, not what the organisation says in public.
const editor = (actor: Actor) => actor.hasOrgRole(['editor'])

export const siteContentPolicy = definePolicy('SiteContent', {
  list: editor,
  read: editor,
  create: editor,
  update: editor,
  delete: editor,
  manage: editor,
})
