// What the app may offer around the annual report (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Writing, reviewing, approving and publishing the annual activity report. */
    annualReports: boolean
    /** Reading the organisation's disclosure policy (administrators and editors). */
    disclosurePolicy: boolean
    /** Changing the disclosure policy and rotating its rounding secret (administrators). */
    disclosurePolicyEdit: boolean
  }
}

export const REPORT_ABILITIES = [
  'annualReports',
  'disclosurePolicy',
  'disclosurePolicyEdit',
] as const
