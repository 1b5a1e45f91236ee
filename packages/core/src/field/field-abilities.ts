// What the app may offer around the offline field app (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Working offline on a registered phone: a grant where people may be seen. */
    fieldApp: boolean
    /** Reviewing what field devices sent past a cap or against a newer record. */
    reviewField: boolean
  }
}

export const FIELD_ABILITIES = ['fieldApp', 'reviewField'] as const
