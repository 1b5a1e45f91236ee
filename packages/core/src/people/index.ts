// What other modules may use of the people module's core: how to speak of a person without
// naming them (age band, situation) and the generalised region every place is recorded as.
export { regionSchema } from './incident-schema.js'
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
