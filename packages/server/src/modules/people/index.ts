import type { PEOPLE_ABILITIES } from '@haven/core/people/people-abilities'
import {
  ATTACHMENT_CONTENT,
  CASE_ENTRY_TEXT,
  CASE_SUMMARY,
  FOLLOW_UP_TITLE,
  INCIDENT_FOLLOW_UP,
  PERSON_IDENTITY,
  REFERRAL_OVERRIDE,
} from '@haven/core/people/people-identifying'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { attachmentPolicy } from './attachment-policy.js'
import { attachmentRoutes } from './attachment-routes.js'
import { caseNotePolicy, casePolicy } from './case-policy.js'
import { caseRoutes } from './case-routes.js'
import { caseCodes } from './case-store.js'
import { exportRoutes } from './export-routes.js'
import { incidentPolicy } from './incident-policy.js'
import { incidentRoutes } from './incident-routes.js'
import * as m0300 from './migrations/2026-12-07-0300-person-terms-code.js'
import * as m1200feed from './migrations/2026-12-07-1200-feed-seq.js'
import * as m1200live from './migrations/2026-12-07-1200-people-live-index.js'
import * as m1600 from './migrations/2026-12-07-1600-case-restriction.js'
import * as m1900 from './migrations/2026-12-07-1900-cases-restricted-index.js'
import { PEOPLE_BLIND_INDEX_REGISTERED } from './people-blind-index.js'
import { registerRetention } from './people-cli.js'
import { peopleDemo } from './people-demo.js'
import { peopleScale } from './people-scale.js'
import { personPolicy } from './person-policy.js'
import { personRoutes } from './person-routes.js'
import { personCodes } from './person-store.js'
import { retentionRoutes } from './retention-routes.js'

// Key rotation and shredding find the people's name index through this registration.
void PEOPLE_BLIND_INDEX_REGISTERED

/**
 * People the organisation protects (a pseudonymous code, a sealed identity), their cases,
 * incidents, family links, attachments, exports and retention.
 */
export const peopleModule = defineModule({
  name: 'people',
  migrations: {
    '2026-12-07-0300-person-terms-code': m0300,
    '2026-12-07-1200-people-live-index': m1200live,
    '2026-12-07-1200-feed-seq': m1200feed,
    '2026-12-07-1600-case-restriction': m1600,
    '2026-12-07-1900-cases-restricted-index': m1900,
  },
  routes: [
    ...personRoutes,
    ...caseRoutes,
    ...incidentRoutes,
    ...attachmentRoutes,
    ...exportRoutes,
    ...retentionRoutes,
  ],
  policies: [personPolicy, casePolicy, caseNotePolicy, incidentPolicy, attachmentPolicy],
  sealed: [
    PERSON_IDENTITY,
    CASE_SUMMARY,
    CASE_ENTRY_TEXT,
    REFERRAL_OVERRIDE,
    FOLLOW_UP_TITLE,
    INCIDENT_FOLLOW_UP,
    ATTACHMENT_CONTENT,
  ],
  demo: peopleDemo,
  scale: peopleScale,
  recordCodes: { Person: personCodes, Case: caseCodes },
  cli: registerRetention,
  async abilities(actor): Promise<AbilitiesOf<(typeof PEOPLE_ABILITIES)[number]>> {
    return {
      workCases: canSomewhere(actor, 'list', 'Person'),
      exportPeople: canSomewhere(actor, 'export', 'Person'),
      reviewRetention: canSomewhere(actor, 'manage', 'Case'),
    }
  },
})

// Photos re-encoded without metadata (EXIF, GPS), for any module that takes a photo of a person.
export { cleanAttachment, MAX_ATTACHMENT_BYTES } from './attachment-content.js'
// A case closed to all but its assignee and coordinators (a sensitive medical flag): who sees
// it, and setting or clearing it (audited) in the caller's transaction.
export {
  CASE_RESTRICTIONS,
  type CaseRestriction,
  caseHiddenFrom,
  casesHiddenFrom,
  caseViewer,
  setCaseRestrictionIn,
} from './case-restriction.js'
// Registering a person and opening a case for them (other modules' demo data: a returnee's case).
// What the field app's sync applies through this door: a case note, a follow-up done.
export {
  addEntry as addCaseEntry,
  addEntryIn as addCaseEntryIn,
  markFollowUpDone,
  markFollowUpDoneIn,
  openCase,
} from './case-service.js'
export { findCase, findFollowUp } from './case-store.js'
// What other modules may use: the people directory (codes, compartments, situations; never a
// name) and registering a person.
export {
  type CaseRef,
  caseCodes,
  findCaseRef,
  findPeopleByCodes,
  findPersonByCode,
  type PersonRef,
  peopleInCompartment,
  peopleRegisteredIn,
  personCodes,
  setSituation,
} from './people-directory.js'
// The field app's pull: pseudonymous people, cases and open follow-ups changed after a point.
export {
  casesChangedAfter,
  type FeedPosition,
  openFollowUpsOf,
  peopleChangedAfter,
} from './people-feed-store.js'
// Whether a text (a sponsor update, a letter) holds a person's registered names, in any script,
// without handing out the names: spans into the caller's text, found through the blind index.
export { type NameSpan, nameSpansIn } from './people-name-check.js'
// A spreadsheet import's batch: duplicates of many rows in one ranked query, and many people
// registered in a few statements (each exactly as registerPersonIn registers one).
// Whom such a likely duplicate matched, for the review that decides on it (a field phone's
// registration): codes, and names where the reader may identify (audited).
export {
  duplicateMatches,
  duplicateMatchesMany,
  type MatchedPerson,
  matchedPeople,
} from './person-relations.js'
export { createPerson, registerPeopleIn, registerPersonIn } from './person-service.js'
