// What other modules may use of the network's domain: a partner's shape and its rules, for data
// exchange's spreadsheet import of partners.
export {
  type CreateOrganisation,
  createOrganisationSchema,
  ORGANISATION_TYPES,
  RELATIONSHIP_STATUSES,
} from './network-schemas.js'
