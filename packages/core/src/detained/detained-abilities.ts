// What the app may offer around detained aid workers (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing detained aid workers' records (a grant in their restricted compartment). */
    detained: boolean
  }
}

export const DETAINED_ABILITIES = ['detained'] as const
