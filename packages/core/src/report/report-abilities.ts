// What the app may offer around the annual report (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Writing, reviewing, approving and publishing the annual activity report. */
    annualReports: boolean
  }
}

export const REPORT_ABILITIES = ['annualReports'] as const
