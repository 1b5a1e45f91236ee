import { found, type RequestInput } from '../../api/api-route.js'
import type { Db } from '../../db/db-handle.js'
import { findAttachment } from './attachment-store.js'
import { visibleCase } from './case-restriction.js'
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

/** The case at the route's `:id`; 404 when restricted to others (case-restriction.ts). */
export const caseAtId = async ({ app, actor, params }: RequestInput<{ id: string }>) =>
  visibleCase(actor, await loadCase(app.database.db, params.id))

/** The incident at the route's `:id`. */
export const incidentAtId = async ({
  app,
  params,
}: RequestInput<{ id: string }>): Promise<IncidentsTable> =>
  found(await findIncident(app.database.db, params.id))

/** The attachment at the route's `:id`. */
export const attachmentAtId = async ({
  app,
  actor,
  params,
}: RequestInput<{ id: string }>): Promise<AttachmentsTable> => {
  const row = found(await findAttachment(app.database.db, params.id))
  // A restricted case's files are as hidden as the case.
  if (row.owner_type === 'case') visibleCase(actor, await loadCase(app.database.db, row.owner_id))
  return row
}
