// What the app may offer around the education sponsorship plan (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing the plan's enrolments somewhere. */
    sponsorship: boolean
    /** Enrolling children. */
    enrolChildren: boolean
    /** Seeing sponsors somewhere. */
    sponsors: boolean
  }
}

export const SPONSORSHIP_ABILITIES = ['sponsorship', 'enrolChildren', 'sponsors'] as const
