import type { EXCHANGE_ABILITIES } from '@haven/core/exchange/exchange-abilities'
import { can, canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { registerExchangeCommands } from './exchange-cli.js'
import { iatiPolicy, publishedFiguresPolicy } from './exchange-policy.js'
import { exchangeRoutes } from './exchange-routes.js'
import * as m0200 from './migrations/2026-12-07-0200-exchange.js'
import * as m1300 from './migrations/2026-12-07-1300-iati-settings.js'

/**
 * Data exchange: spreadsheets in (people, through people's own registration), open formats out
 * (IATI files from the books and the published annual report, HXL-tagged CSV of its figures).
 * It owns no records of its own beyond column mappings and which rows were imported; everything
 * it writes goes through the owning module's front door.
 */
export const exchangeModule = defineModule({
  name: 'exchange',
  migrations: {
    '2026-12-07-0200-exchange': m0200,
    '2026-12-07-1300-iati-settings': m1300,
  },
  routes: exchangeRoutes,
  policies: [iatiPolicy, publishedFiguresPolicy],
  cli: registerExchangeCommands,
  async abilities(actor): Promise<AbilitiesOf<(typeof EXCHANGE_ABILITIES)[number]>> {
    return {
      importPeople: canSomewhere(actor, 'create', 'Person'),
      importDistributions: canSomewhere(actor, 'create', 'Distribution'),
      importDonations: can(actor, 'create', 'Ledger', {}),
      importPartners: can(actor, 'create', 'Partner', {}),
      importSponsors: canSomewhere(actor, 'create', 'Sponsor'),
      importSupplies: can(actor, 'create', 'Supplies', {}),
      publishIati: can(actor, 'export', 'IatiPublication', {}),
    }
  },
})

export { importPeople } from './people-import-service.js'
export {
  distributionsKind,
  donationsKind,
  partnersKind,
  sponsorsKind,
} from './record-import-kinds.js'
export { importRecords } from './record-import-service.js'
