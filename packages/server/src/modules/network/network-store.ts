import type { Db } from '../../db/db-handle.js'
import type {
  NetworkContactsTable,
  NetworkEventCostsTable,
  NetworkEventsTable,
  NetworkOrganisationsTable,
  NetworkPublicationsTable,
  NetworkStatusChangesTable,
} from './network-tables.js'

export interface Paging {
  page: number
  pageSize: number
}

export async function insertOrganisation(db: Db, row: NetworkOrganisationsTable): Promise<void> {
  await db.insertInto('network_organisations').values(row).execute()
}

export async function findOrganisation(
  db: Db,
  id: string,
): Promise<NetworkOrganisationsTable | undefined> {
  return db.selectFrom('network_organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOrganisationByName(
  db: Db,
  name: string,
): Promise<NetworkOrganisationsTable | undefined> {
  return db
    .selectFrom('network_organisations')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst()
}

export async function findOrganisations(
  db: Db,
  ids: readonly string[],
): Promise<NetworkOrganisationsTable[]> {
  if (ids.length === 0) return []
  return db.selectFrom('network_organisations').selectAll().where('id', 'in', ids).execute()
}

export interface OrganisationFilter {
  type?: string | undefined
  status?: string | undefined
  countries?: readonly string[] | undefined
  /** Part of the name, in any case (what the organiser picker searches by). */
  name?: string | undefined
}

function organisationsWhere(db: Db, filter: OrganisationFilter) {
  let query = db.selectFrom('network_organisations')
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.countries) query = query.where('country', 'in', [...filter.countries, ''])
  if (filter.name) {
    const part = filter.name.toLowerCase().replace(/[%_\\]/g, '')
    query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', `%${part}%`))
  }
  return query
}

/** One page of partners by name, and how many match in all. */
export async function listOrganisations(
  db: Db,
  filter: OrganisationFilter,
  paging: Paging,
): Promise<{ total: number; rows: NetworkOrganisationsTable[] }> {
  const counted = await organisationsWhere(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await organisationsWhere(db, filter)
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()
  return { total: Number(counted.n), rows }
}

/** Every partner's country and current status (for the map: one small row each). */
export async function organisationCountries(
  db: Db,
): Promise<{ country: string; status: string }[]> {
  return db.selectFrom('network_organisations').select(['country', 'status']).execute()
}

/** Every event's country (for the map). */
export async function eventCountries(db: Db): Promise<{ country: string }[]> {
  return db.selectFrom('network_events').select('country').execute()
}

export async function updateOrganisationStatus(
  db: Db,
  id: string,
  status: string,
  since: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('network_organisations')
    .set({ status, status_since: since, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function insertStatusChange(db: Db, row: NetworkStatusChangesTable): Promise<void> {
  await db.insertInto('network_status_changes').values(row).execute()
}

/** An organisation's changes in the order they took effect (same day: the order recorded). */
export async function statusHistory(
  db: Db,
  organisationId: string,
): Promise<NetworkStatusChangesTable[]> {
  return db
    .selectFrom('network_status_changes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('on_date')
    .orderBy('id')
    .execute()
}

/** Every change on or before `day`, of every organisation (the figures' history). */
export async function statusChangesUntil(
  db: Db,
  day: string,
): Promise<Pick<NetworkStatusChangesTable, 'organisation_id' | 'status' | 'on_date'>[]> {
  return db
    .selectFrom('network_status_changes')
    .select(['organisation_id', 'status', 'on_date'])
    .where('on_date', '<=', day)
    .orderBy('organisation_id')
    .orderBy('on_date')
    .orderBy('id')
    .execute()
}

export async function insertContact(db: Db, row: NetworkContactsTable): Promise<void> {
  await db.insertInto('network_contacts').values(row).execute()
}

/** An organisation's contacts kept in the given compartments (those the caller may see). */
export async function contactsOf(
  db: Db,
  organisationId: string,
  compartmentIds: readonly string[],
): Promise<NetworkContactsTable[]> {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('network_contacts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('compartment_id', 'in', compartmentIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function insertEvent(
  db: Db,
  row: NetworkEventsTable,
  organiserIds: readonly string[],
): Promise<void> {
  await db.insertInto('network_events').values(row).execute()
  if (organiserIds.length > 0)
    await db
      .insertInto('network_event_organisers')
      .values(organiserIds.map((organisation_id) => ({ event_id: row.id, organisation_id })))
      .execute()
}

export async function findEvent(db: Db, id: string): Promise<NetworkEventsTable | undefined> {
  return db.selectFrom('network_events').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Marks an event as on the website, only if it is not yet: false when another publication got
 * there first (the row stays locked until the caller's transaction ends).
 */
export async function markEventPublished(
  db: Db,
  id: string,
  slug: string,
  locales: readonly string[],
): Promise<boolean> {
  const result = await db
    .updateTable('network_events')
    .set({ site_slug: slug, site_locales: locales.join(',') })
    .where('id', '=', id)
    .where('site_slug', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface EventFilter {
  kind?: string | undefined
  role?: string | undefined
  country?: string | undefined
}

function eventsWhere(db: Db, filter: EventFilter) {
  let query = db.selectFrom('network_events')
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.country) query = query.where('country', '=', filter.country)
  return query
}

/** One page of events, newest first, and how many match in all. */
export async function listEvents(
  db: Db,
  filter: EventFilter,
  paging: Paging,
): Promise<{ total: number; rows: NetworkEventsTable[] }> {
  const counted = await eventsWhere(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await eventsWhere(db, filter)
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()
  return { total: Number(counted.n), rows }
}

export async function organisersOf(db: Db, eventId: string): Promise<NetworkOrganisationsTable[]> {
  return db
    .selectFrom('network_event_organisers as eo')
    .innerJoin('network_organisations as o', 'o.id', 'eo.organisation_id')
    .selectAll('o')
    .where('eo.event_id', '=', eventId)
    .orderBy('o.name')
    .execute()
}

/** Events an organisation organised, newest first. */
export async function eventsOrganisedBy(
  db: Db,
  organisationId: string,
): Promise<NetworkEventsTable[]> {
  return db
    .selectFrom('network_event_organisers as eo')
    .innerJoin('network_events as e', 'e.id', 'eo.event_id')
    .selectAll('e')
    .where('eo.organisation_id', '=', organisationId)
    .orderBy('e.starts_on', 'desc')
    .execute()
}

/** Events starting from `from` to `to` (inclusive), counted by the organisation's role. */
export async function eventsByRole(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('network_events')
    .select(['role', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('starts_on', '>=', from)
    .where('starts_on', '<=', to)
    .groupBy('role')
    .execute()
  return new Map(rows.map((r) => [r.role, Number(r.n)]))
}

export async function insertPublication(db: Db, row: NetworkPublicationsTable): Promise<void> {
  await db.insertInto('network_publications').values(row).execute()
}

export async function listPublications(
  db: Db,
  filter: { kind?: string | undefined; event?: 'with_event' | 'without_event' | undefined },
  paging: Paging,
): Promise<{ total: number; rows: NetworkPublicationsTable[] }> {
  let query = db.selectFrom('network_publications')
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.event === 'with_event') query = query.where('event_id', 'is not', null)
  if (filter.event === 'without_event') query = query.where('event_id', 'is', null)
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()
  return { total: Number(counted.n), rows }
}

export async function publicationsOfEvent(
  db: Db,
  eventId: string,
): Promise<NetworkPublicationsTable[]> {
  return db
    .selectFrom('network_publications')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('title')
    .execute()
}

export async function insertEventCost(db: Db, row: NetworkEventCostsTable): Promise<void> {
  await db.insertInto('network_event_costs').values(row).execute()
}

export async function costsOfEvent(db: Db, eventId: string): Promise<NetworkEventCostsTable[]> {
  const rows = await db
    .selectFrom('network_event_costs')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('paid_on')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }))
}

type Editable<T> = Partial<Omit<T, 'id' | 'version' | 'created_at' | 'created_by'>>

/**
 * Changes a partner if it is still at the version the editor read, raising the version. Returns
 * false when another edit came first.
 */
export async function updateOrganisation(
  db: Db,
  id: string,
  version: number,
  set: Editable<NetworkOrganisationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('network_organisations')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findContact(
  db: Db,
  organisationId: string,
  id: string,
): Promise<NetworkContactsTable | undefined> {
  return db
    .selectFrom('network_contacts')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** Changes a contact's sealed fields if it is still at the version read (false otherwise). */
export async function updateContact(
  db: Db,
  id: string,
  version: number,
  set: Pick<NetworkContactsTable, 'name' | 'position' | 'email' | 'phone' | 'note'>,
): Promise<boolean> {
  const result = await db
    .updateTable('network_contacts')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Changes an event if it is still at the version read (false otherwise). */
export async function updateEvent(
  db: Db,
  id: string,
  version: number,
  set: Editable<NetworkEventsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('network_events')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Puts these partners as the event's organisers in place of those recorded. */
export async function replaceOrganisers(
  db: Db,
  eventId: string,
  organiserIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('network_event_organisers').where('event_id', '=', eventId).execute()
  if (organiserIds.length > 0)
    await db
      .insertInto('network_event_organisers')
      .values(organiserIds.map((organisation_id) => ({ event_id: eventId, organisation_id })))
      .execute()
}

export async function findPublication(
  db: Db,
  id: string,
): Promise<NetworkPublicationsTable | undefined> {
  return db.selectFrom('network_publications').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Changes a publication if it is still at the version read (false otherwise). */
export async function updatePublication(
  db: Db,
  id: string,
  version: number,
  set: Editable<NetworkPublicationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('network_publications')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
