// What the app may offer around the audit log (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Reading the audit log. */
    audit: boolean
  }
}

export const AUDIT_ABILITIES = ['audit'] as const
