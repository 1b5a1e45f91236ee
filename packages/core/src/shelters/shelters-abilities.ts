// What the app may offer around shelters (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing the shelters the person works in. */
    shelters: boolean
    /** Opening new shelters. */
    openShelters: boolean
  }
}

export const SHELTERS_ABILITIES = ['shelters', 'openShelters'] as const
