// What the app may offer around partners, events and publications (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** Seeing partners, events and publications. */
    network: boolean
    /** Recording partners, events and publications. */
    manageNetwork: boolean
    /** Recording what an event cost (posted to the books): coordinators and finance, not the site's editors. */
    recordEventCosts: boolean
  }
}

export const NETWORK_ABILITIES = ['network', 'manageNetwork', 'recordEventCosts'] as const
