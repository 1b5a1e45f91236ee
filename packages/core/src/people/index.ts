// What other modules may use of the people module's core: how to speak of a person without
// naming them (age band, situation) and the generalised region every place is recorded as.

// Registrations of one batch (a field phone's push) matched against each other, as the duplicate
// check matches them against people registered already.
export { type DuplicateCandidate, earlierLikelyDuplicates } from './batch-duplicates.js'
// The shapes of a case note, a person's registration and the entry kinds (the field app's outbox).
export { CASE_STATUSES, caseEntrySchema, ENTRY_KINDS } from './case-schema.js'
export { regionSchema } from './incident-schema.js'
// A registration's dates checked as the people module checks them (the field app's outbox).
// The birth year as well as it is known, as the duplicate check takes it (the field app's push).
export { birthYear, personDateIssues } from './person-rules.js'
export {
  AGE_BANDS,
  type AgeBand,
  // Registering someone from elsewhere (a spreadsheet import) validates as registration does.
  type CreatePerson,
  createPersonSchema,
  NAME_SCRIPTS,
  type NameScript,
  SEXES,
  SITUATIONS,
  type Situation,
} from './person-schema.js'
