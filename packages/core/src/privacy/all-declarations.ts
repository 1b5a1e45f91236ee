import {
  ATTACHMENT_CONTENT,
  CASE_ENTRY_TEXT,
  CASE_SUMMARY,
  FOLLOW_UP_TITLE,
  INCIDENT_FOLLOW_UP,
  PERSON_IDENTITY,
  REFERRAL_OVERRIDE,
} from '../people/people-identifying.js'
import { SHELTER_LOG_NOTE } from '../shelters/shelter-identifying.js'
import type { IdentifyingEntity } from './identifying-fields.js'

/**
 * Every module's identifying declaration, so key rotation and backups see all of them whatever
 * else was imported. A module with sealed fields adds the value its `declareIdentifying(...)`
 * call returned, e.g. `import { PEOPLE_IDENTIFYING } from '../people/people-identifying.js'`.
 * (core is marked free of side effects, so a bare `import './x.js'` would be dropped by the
 * bundler together with the declaration it makes: the list keeps each one.)
 */
export const ALL_IDENTIFYING: readonly IdentifyingEntity[] = [
  PERSON_IDENTITY,
  CASE_SUMMARY,
  CASE_ENTRY_TEXT,
  REFERRAL_OVERRIDE,
  FOLLOW_UP_TITLE,
  INCIDENT_FOLLOW_UP,
  ATTACHMENT_CONTENT,
  SHELTER_LOG_NOTE,
]
