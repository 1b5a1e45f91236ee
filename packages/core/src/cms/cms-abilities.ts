// What the app may offer around the public website (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** The public website's editor (pages, news, reports, FAQ). */
    editSite: boolean
  }
}

export const CMS_ABILITIES = ['editSite'] as const
