import { auditEn } from './messages/audit.en.js'
import { classesEn } from './messages/classes.en.js'
import { cmsEn } from './messages/cms.en.js'
import { detainedEn } from './messages/detained.en.js'
import { exchangeEn } from './messages/exchange.en.js'
import { fieldEn } from './messages/field.en.js'
import { financeEn } from './messages/finance.en.js'
import { inboxEn } from './messages/inbox.en.js'
import { keysEn } from './messages/keys.en.js'
import { medicalEn } from './messages/medical.en.js'
import { networkEn } from './messages/network.en.js'
import { reportEn } from './messages/report.en.js'
import { resettlementEn } from './messages/resettlement.en.js'
import { sheltersEn } from './messages/shelters.en.js'
import { siteEn } from './messages/site.en.js'
import { sponsorshipEn } from './messages/sponsorship.en.js'
import { suppliesEn } from './messages/supplies.en.js'
import { volunteersEn } from './messages/volunteers.en.js'

/** Every module's words not in the first part (catalog-first-en), in the catalog's order. */
export const enRest = {
  ...siteEn,
  ...auditEn,
  ...keysEn,
  ...cmsEn,
  ...inboxEn,
  ...sheltersEn,
  ...suppliesEn,
  ...sponsorshipEn,
  ...networkEn,
  ...detainedEn,
  ...volunteersEn,
  ...resettlementEn,
  ...medicalEn,
  ...fieldEn,
  ...classesEn,
  ...reportEn,
  ...financeEn,
  ...exchangeEn,
} as const

export type RestMessageKey = keyof typeof enRest
