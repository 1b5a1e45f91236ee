// What the app may offer around administration (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Users, grants, compartments, roles and security settings. */
    administer: boolean
  }
}

export const ADMIN_ABILITIES = ['administer'] as const
