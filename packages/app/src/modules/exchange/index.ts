import { defineAppModule, page } from '../../lib/app-module.js'

/** Data exchange: importing people, distributions and donations from a spreadsheet, publishing to IATI. */
export const exchangeApp = defineAppModule({
  name: 'exchange',
  pages: [
    page('/app/exchange/import', () => import('./import-page.js').then((m) => m.ImportPage)),
    page('/app/exchange/iati', () => import('./iati-page.js').then((m) => m.IatiPage)),
  ],
  nav: [
    {
      href: '/app/exchange/import',
      label: 'nav.import',
      group: 'organisation',
      shows: (can) =>
        can.importPeople ||
        can.importDistributions ||
        can.importDonations ||
        can.importPartners ||
        can.importSponsors ||
        can.importSupplies,
    },
    {
      href: '/app/exchange/iati',
      label: 'nav.publish_iati',
      group: 'organisation',
      shows: (can) => can.publishIati,
    },
  ],
})
