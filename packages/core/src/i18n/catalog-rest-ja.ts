import type { RestMessageKey } from './catalog-rest-en.js'
import { auditJa } from './messages/audit.ja.js'
import { classesJa } from './messages/classes.ja.js'
import { cmsJa } from './messages/cms.ja.js'
import { detainedJa } from './messages/detained.ja.js'
import { exchangeJa } from './messages/exchange.ja.js'
import { fieldJa } from './messages/field.ja.js'
import { financeJa } from './messages/finance.ja.js'
import { inboxJa } from './messages/inbox.ja.js'
import { keysJa } from './messages/keys.ja.js'
import { medicalJa } from './messages/medical.ja.js'
import { networkJa } from './messages/network.ja.js'
import { reportJa } from './messages/report.ja.js'
import { resettlementJa } from './messages/resettlement.ja.js'
import { sheltersJa } from './messages/shelters.ja.js'
import { siteJa } from './messages/site.ja.js'
import { sponsorshipJa } from './messages/sponsorship.ja.js'
import { suppliesJa } from './messages/supplies.ja.js'
import { volunteersJa } from './messages/volunteers.ja.js'

/** The rest of the Japanese catalog (the same modules as catalog-rest-en). */
export const jaRest: Readonly<Record<RestMessageKey, string>> = {
  ...siteJa,
  ...auditJa,
  ...keysJa,
  ...cmsJa,
  ...inboxJa,
  ...sheltersJa,
  ...suppliesJa,
  ...sponsorshipJa,
  ...networkJa,
  ...detainedJa,
  ...volunteersJa,
  ...resettlementJa,
  ...medicalJa,
  ...fieldJa,
  ...classesJa,
  ...reportJa,
  ...financeJa,
  ...exchangeJa,
}
