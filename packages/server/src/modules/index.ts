import type { HavenModule } from '../haven-module.js'
import { adminModule } from './admin/index.js'
import { auditModule } from './audit/index.js'
import { classesModule } from './classes/index.js'
import { cmsModule } from './cms/index.js'
import { detainedModule } from './detained/index.js'
import { exchangeModule } from './exchange/index.js'
import { fieldModule } from './field/index.js'
import { financeModule } from './finance/index.js'
import { inboxModule } from './inbox/index.js'
import { keysModule } from './keys/index.js'
import { medicalModule } from './medical/index.js'
import { networkModule } from './network/index.js'
import { peopleModule } from './people/index.js'
import { reportModule } from './report/index.js'
import { resettlementModule } from './resettlement/index.js'
import { sheltersModule } from './shelters/index.js'
import { sponsorshipModule } from './sponsorship/index.js'
import { suppliesModule } from './supplies/index.js'
import { volunteersModule } from './volunteers/index.js'

/**
 * Every module, once: a module joins Haven by being listed here. Its routes, migrations, demo
 * and scale steps run in this order (the demo's website first, people before the shelters and
 * distributions that name them). Read by the composition root (server/) and the CLI; everything
 * else reaches the modules through `app.modules`.
 */
export const MODULES: readonly HavenModule[] = [
  adminModule,
  auditModule,
  cmsModule,
  inboxModule,
  peopleModule,
  sheltersModule,
  suppliesModule,
  keysModule,
  sponsorshipModule,
  networkModule,
  detainedModule,
  volunteersModule,
  resettlementModule,
  medicalModule,
  classesModule,
  reportModule,
  financeModule,
  exchangeModule,
  fieldModule,
]
