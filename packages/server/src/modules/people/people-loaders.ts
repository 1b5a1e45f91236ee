import type { RequestInput } from '../../api/api-route.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { findAttachment } from './attachment-store.js'
import { findCase } from './case-store.js'
import { findIncident } from './incident-service.js'
import type { AttachmentsTable, CasesTable, IncidentsTable, PeopleTable } from './people-tables.js'
import { findPerson } from './person-store.js'

/**
 * How the module's routes find the record they work on, for their declared access
 * (`load: personAtId, record: inCompartment`): the route engine loads it, asks the policy, and
 * hands it to the handler. Missing is 404, like a record in a compartment the caller cannot see.
 */

export async function loadPerson(db: Db, id: string): Promise<PeopleTable> {
  const person = await findPerson(db, id)
  if (!person) throw errors.notFound()
  return person
}

export async function loadCase(db: Db, id: string): Promise<CasesTable> {
  const kase = await findCase(db, id)
  if (!kase) throw errors.notFound()
  return kase
}

/** The person at the route's `:id`. */
export const personAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadPerson(app.database.db, params.id)

/** The case at the route's `:id`. */
export const caseAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadCase(app.database.db, params.id)

/** The incident at the route's `:id`. */
export async function incidentAtId({
  app,
  params,
}: RequestInput<{ id: string }>): Promise<IncidentsTable> {
  const row = await findIncident(app.database.db, params.id)
  if (!row) throw errors.notFound()
  return row
}

/** The attachment at the route's `:id`. */
export async function attachmentAtId({
  app,
  params,
}: RequestInput<{ id: string }>): Promise<AttachmentsTable> {
  const row = await findAttachment(app.database.db, params.id)
  if (!row) throw errors.notFound()
  return row
}
