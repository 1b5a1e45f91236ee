// What the app may offer around people, cases and incidents (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** People, cases and incidents: the person holds a role that sees them in some compartment. */
    workCases: boolean
    /** CSV exports of people, and with re-authentication the identifying one: caseworkers and coordinators. */
    exportPeople: boolean
    /** The retention review (closed cases due for purging): coordinators. */
    reviewRetention: boolean
  }
}

export const PEOPLE_ABILITIES = ['workCases', 'exportPeople', 'reviewRetention'] as const
