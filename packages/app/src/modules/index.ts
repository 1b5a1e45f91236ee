import type { AppModule } from '../lib/app-module.js'
import { adminApp } from './admin/index.js'
import { auditApp } from './audit/index.js'
import { classesApp } from './classes/index.js'
import { cmsApp } from './cms/index.js'
import { detainedApp } from './detained/index.js'
import { exchangeApp } from './exchange/index.js'
import { fieldApp } from './field/index.js'
import { financeApp } from './finance/index.js'
import { inboxApp } from './inbox/index.js'
import { keysApp } from './keys/index.js'
import { medicalApp } from './medical/index.js'
import { networkApp } from './network/index.js'
import { peopleApp } from './people/index.js'
import { reportApp } from './report/index.js'
import { resettlementApp } from './resettlement/index.js'
import { sheltersApp } from './shelters/index.js'
import { sponsorshipApp } from './sponsorship/index.js'
import { suppliesApp } from './supplies/index.js'
import { volunteersApp } from './volunteers/index.js'

/**
 * Every module of the staff app, once: a module joins the app by being listed here. Its
 * navigation entries appear in this order. Read by app.tsx only.
 */
export const APP_MODULES: readonly AppModule[] = [
  peopleApp,
  sheltersApp,
  suppliesApp,
  fieldApp,
  cmsApp,
  inboxApp,
  adminApp,
  auditApp,
  keysApp,
  sponsorshipApp,
  networkApp,
  detainedApp,
  volunteersApp,
  resettlementApp,
  medicalApp,
  classesApp,
  financeApp,
  reportApp,
  exchangeApp,
]
