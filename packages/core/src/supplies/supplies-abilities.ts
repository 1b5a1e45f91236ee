// What the app may offer around supplies and distributions (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Supplies, distributions under caps and their dashboard. */
    supplies: boolean
    /** Items, locations and stock movements (coordinators, finance). */
    manageSupplies: boolean
    /** Allowance policies in at least one compartment (coordinators, finance). */
    managePolicies: boolean
    /** Exchange rates (finance). */
    enterRates: boolean
  }
}

export const SUPPLIES_ABILITIES = [
  'supplies',
  'manageSupplies',
  'managePolicies',
  'enterRates',
] as const
