// What the app may offer around data exchange (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Importing people from a spreadsheet (registering them, somewhere). */
    importPeople: boolean
    /** Importing headcount distributions (recording them, somewhere). */
    importDistributions: boolean
    /** Importing donations received into the books (finance). */
    importDonations: boolean
    /** Importing partner organisations (those who keep the network). */
    importPartners: boolean
    /** Importing sponsors (those who keep them, somewhere). */
    importSponsors: boolean
    /** Importing supplies received into stock (those who record stock movements). */
    importSupplies: boolean
    /** Downloading the IATI files and setting what the organisation publishes as (finance). */
    publishIati: boolean
  }
}

export const EXCHANGE_ABILITIES = [
  'importPeople',
  'importDistributions',
  'importDonations',
  'importPartners',
  'importSponsors',
  'importSupplies',
  'publishIati',
] as const
