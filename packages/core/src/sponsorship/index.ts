// What other modules may use of sponsorship's domain: a sponsor's shape and its rules, for data
// exchange's spreadsheet import of sponsors.
export {
  type CreateSponsor,
  SPONSOR_KINDS,
  SPONSOR_LANGUAGES,
  sponsorSchema,
} from './sponsorship-schemas.js'
