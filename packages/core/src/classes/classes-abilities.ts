// What the app may offer around language classes (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing the classes of one's compartments (and their learners, by code). */
    classes: boolean
    /** Opening a class, enrolling learners, recording sessions and completions. */
    runClasses: boolean
  }
}

export const CLASSES_ABILITIES = ['classes', 'runClasses'] as const
