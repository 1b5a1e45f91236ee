// What the app may offer around the contact inbox (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Messages from the public forms, in an inbox compartment the person is granted. */
    readInbox: boolean
  }
}

export const INBOX_ABILITIES = ['readInbox'] as const
