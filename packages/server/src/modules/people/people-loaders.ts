import { found, type RequestInput } from '../../api/api-route.js'
import type { Db } from '../../db/db-handle.js'
import { findAttachment } from './attachment-store.js'
import { findCase } from './case-store.js'
import { findIncident } from './incident-store.js'
import type { AttachmentsTable, CasesTable, IncidentsTable, PeopleTable } from './people-tables.js'
import { findPerson } from './person-store.js'

/**
 * How the module's routes find the record they work on, for their declared access
 * (`load: personAtId, record: inCompartment`): the route engine loads it, asks the policy, and
 * hands it to the handler. Missing is 404, like a record in a compartment the caller cannot see.
 */

export const loadPerson = async (db: Db, id: string): Promise<PeopleTable> =>
  found(await findPerson(db, id))

export const loadCase = async (db: Db, id: string): Promise<CasesTable> =>
  found(await findCase(db, id))

/** The person at the route's `:id`. */
export const personAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadPerson(app.database.db, params.id)

/** The case at the route's `:id`. */
export const caseAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadCase(app.database.db, params.id)

/** The incident at the route's `:id`. */
export const incidentAtId = async ({
  app,
  params,
}: RequestInput<{ id: string }>): Promise<IncidentsTable> =>
  found(await findIncident(app.database.db, params.id))

/** The attachment at the route's `:id`. */
export const attachmentAtId = async ({
  app,
  params,
}: RequestInput<{ id: string }>): Promise<AttachmentsTable> =>
  found(await findAttachment(app.database.db, params.id))
