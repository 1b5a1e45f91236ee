// What the app may offer around medical aid (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Recording and reading treatments of medical cases. */
    medicalAid: boolean
  }
}

export const MEDICAL_ABILITIES = ['medicalAid'] as const
