// What other modules may use of shelters' core: the shape of a log entry (the field app's outbox).
export {
  type CreateShelterLog,
  createShelterLogSchema,
  SHELTER_LOG_KINDS,
} from './shelter-schema.js'
