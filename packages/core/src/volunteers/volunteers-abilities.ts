// What the app may offer around volunteers (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing volunteers and interns (a grant in a compartment they are kept in). */
    volunteers: boolean
  }
}

export const VOLUNTEERS_ABILITIES = ['volunteers'] as const
