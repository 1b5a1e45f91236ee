// What the app may offer around resettlement (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Working resettlement pathways: a grant held in a resettlement compartment itself. */
    resettlement: boolean
  }
}

export const RESETTLEMENT_ABILITIES = ['resettlement'] as const
