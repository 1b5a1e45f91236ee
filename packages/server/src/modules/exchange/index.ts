import type { EXCHANGE_ABILITIES } from '@haven/core/exchange/exchange-abilities'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { registerImportCommand } from './exchange-cli.js'
import { exchangeRoutes } from './exchange-routes.js'
import * as m0200 from './migrations/2026-12-07-0200-exchange.js'

/**
 * Data exchange: spreadsheets in (people, through people's own registration), open formats out.
 * It owns no records of its own beyond column mappings and which rows were imported; everything
 * it writes goes through the owning module's front door.
 */
export const exchangeModule = defineModule({
  name: 'exchange',
  migrations: { '2026-12-07-0200-exchange': m0200 },
  routes: exchangeRoutes,
  cli: registerImportCommand,
  async abilities(actor): Promise<AbilitiesOf<(typeof EXCHANGE_ABILITIES)[number]>> {
    return { importPeople: canSomewhere(actor, 'create', 'Person') }
  },
})

export { importPeople } from './people-import-service.js'
