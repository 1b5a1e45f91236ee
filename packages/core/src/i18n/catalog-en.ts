import { appEn } from './messages/app.en.js'
import { auditEn } from './messages/audit.en.js'
import { authEn } from './messages/auth.en.js'
import { classesEn } from './messages/classes.en.js'
import { cmsEn } from './messages/cms.en.js'
import { commonEn } from './messages/common.en.js'
import { detainedEn } from './messages/detained.en.js'
import { exchangeEn } from './messages/exchange.en.js'
import { fieldEn } from './messages/field.en.js'
import { financeEn } from './messages/finance.en.js'
import { inboxEn } from './messages/inbox.en.js'
import { keysEn } from './messages/keys.en.js'
import { medicalEn } from './messages/medical.en.js'
import { networkEn } from './messages/network.en.js'
import { peopleEn } from './messages/people.en.js'
import { reportEn } from './messages/report.en.js'
import { resettlementEn } from './messages/resettlement.en.js'
import { sheltersEn } from './messages/shelters.en.js'
import { siteEn } from './messages/site.en.js'
import { sponsorshipEn } from './messages/sponsorship.en.js'
import { suppliesEn } from './messages/supplies.en.js'
import { volunteersEn } from './messages/volunteers.en.js'

/**
 * The English catalog is the reference: every other catalog has the same keys (the type system
 * enforces it). Each module keeps its messages in `messages/<module>.<locale>.ts`; they meet here.
 * Placeholders are `{name}`.
 */
export const en = {
  ...commonEn,
  ...siteEn,
  ...appEn,
  ...auditEn,
  ...authEn,
  ...peopleEn,
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

export type MessageKey = keyof typeof en
export type Catalog = Readonly<Record<MessageKey, string>>
