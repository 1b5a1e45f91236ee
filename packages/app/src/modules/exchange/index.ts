import { defineAppModule, page } from '../../lib/app-module.js'

/** Data exchange: importing people from a spreadsheet. */
export const exchangeApp = defineAppModule({
  name: 'exchange',
  pages: [page('/app/exchange/import', () => import('./import-page.js').then((m) => m.ImportPage))],
  nav: [
    {
      href: '/app/exchange/import',
      label: 'nav.import',
      group: 'organisation',
      shows: (can) => can.importPeople,
    },
  ],
})
