import type { Db } from '../../db/db-handle.js'
import type {
  SponsorAllocationsTable,
  SponsorPaymentsTable,
  SponsorPledgesTable,
  SponsorshipEnrolmentsTable,
  SponsorshipEventsTable,
  SponsorshipIncidentsTable,
  SponsorshipPaymentsTable,
  SponsorshipTermsTable,
  SponsorsTable,
} from './sponsorship-tables.js'

export const PAGE_SIZE = 25

export async function insertEnrolment(db: Db, row: SponsorshipEnrolmentsTable): Promise<void> {
  await db.insertInto('sponsorship_enrolments').values(row).execute()
}

export async function findEnrolment(
  db: Db,
  id: string,
): Promise<SponsorshipEnrolmentsTable | undefined> {
  return db.selectFrom('sponsorship_enrolments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findEnrolmentOfPerson(
  db: Db,
  personId: string,
): Promise<SponsorshipEnrolmentsTable | undefined> {
  return db
    .selectFrom('sponsorship_enrolments')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

/** Applies changes only if the row is still at `version`; false means someone saved first. */
export async function updateEnrolmentIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<SponsorshipEnrolmentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('sponsorship_enrolments')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

interface EnrolmentFilter {
  compartmentIds: readonly string[]
  status?: string | undefined
}

function filtered(db: Db, f: EnrolmentFilter) {
  return db
    .selectFrom('sponsorship_enrolments')
    .where('compartment_id', 'in', f.compartmentIds.length > 0 ? f.compartmentIds : [''])
}

/** One page of enrolments (by alias) and the total matching the filter. */
export async function listEnrolments(
  db: Db,
  f: EnrolmentFilter,
  page: number,
): Promise<{ rows: SponsorshipEnrolmentsTable[]; total: number }> {
  let query = filtered(db, f)
  if (f.status) query = query.where('status', '=', f.status)
  const rows = await query
    .selectAll()
    .orderBy('alias')
    .orderBy('id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute()
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return { rows, total: Number(count?.n ?? 0) }
}

/** Enrolments by status within the compartments (the list's counts, before the status filter). */
export async function countByStatus(db: Db, f: EnrolmentFilter): Promise<Record<string, number>> {
  const rows = await filtered(db, f)
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

/** Enrolments in the plan (enrolled or suspended) in a compartment, for an incident. */
export async function enrolmentsInPlan(
  db: Db,
  compartmentId: string,
): Promise<SponsorshipEnrolmentsTable[]> {
  return db
    .selectFrom('sponsorship_enrolments')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('status', 'in', ['enrolled', 'suspended'])
    .orderBy('id')
    .execute()
}

export async function findEnrolments(
  db: Db,
  ids: readonly string[],
): Promise<SponsorshipEnrolmentsTable[]> {
  if (ids.length === 0) return []
  return db.selectFrom('sponsorship_enrolments').selectAll().where('id', 'in', ids).execute()
}

export async function insertEvent(db: Db, row: SponsorshipEventsTable): Promise<void> {
  await db.insertInto('sponsorship_events').values(row).execute()
}

export async function eventsOf(db: Db, enrolmentId: string): Promise<SponsorshipEventsTable[]> {
  return db
    .selectFrom('sponsorship_events')
    .selectAll()
    .where('enrolment_id', '=', enrolmentId)
    .orderBy('seq')
    .execute()
}

export async function lastSeq(db: Db, enrolmentId: string): Promise<number> {
  const row = await db
    .selectFrom('sponsorship_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('enrolment_id', '=', enrolmentId)
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/**
 * Every event up to `to` of the enrolments in these compartments (all compartments when null),
 * with the compartment's code: what the year's flows are computed from.
 */
export async function eventsUpTo(
  db: Db,
  compartmentIds: readonly string[] | null,
  to: string,
): Promise<(SponsorshipEventsTable & { compartment_code: string })[]> {
  let query = db
    .selectFrom('sponsorship_events as e')
    .innerJoin('compartments as c', 'c.id', 'e.compartment_id')
    .selectAll('e')
    .select('c.code as compartment_code')
    .where('e.on_date', '<=', to)
  if (compartmentIds !== null)
    query = query.where('e.compartment_id', 'in', compartmentIds.length > 0 ? compartmentIds : [''])
  return query.orderBy('e.enrolment_id').orderBy('e.seq').execute()
}

export async function insertIncident(db: Db, row: SponsorshipIncidentsTable): Promise<void> {
  await db.insertInto('sponsorship_incidents').values(row).execute()
}

export async function insertTerm(db: Db, row: SponsorshipTermsTable): Promise<void> {
  await db.insertInto('sponsorship_terms').values(row).execute()
}

export async function termsOf(db: Db, enrolmentId: string): Promise<SponsorshipTermsTable[]> {
  return db
    .selectFrom('sponsorship_terms')
    .selectAll()
    .where('enrolment_id', '=', enrolmentId)
    .orderBy('starts_on')
    .execute()
}

export async function insertSchoolPayment(db: Db, row: SponsorshipPaymentsTable): Promise<void> {
  await db.insertInto('sponsorship_payments').values(row).execute()
}

export async function schoolPaymentsOf(
  db: Db,
  enrolmentId: string,
): Promise<SponsorshipPaymentsTable[]> {
  return db
    .selectFrom('sponsorship_payments')
    .selectAll()
    .where('enrolment_id', '=', enrolmentId)
    .orderBy('paid_on')
    .execute()
}

export async function insertSponsor(db: Db, row: SponsorsTable): Promise<void> {
  await db.insertInto('sponsors').values(row).execute()
}

export async function findSponsor(db: Db, id: string): Promise<SponsorsTable | undefined> {
  return db.selectFrom('sponsors').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function countSponsors(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sponsors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function listSponsors(
  db: Db,
  compartmentIds: readonly string[],
  page: number,
): Promise<{ rows: SponsorsTable[]; total: number }> {
  const base = db
    .selectFrom('sponsors')
    .where('compartment_id', 'in', compartmentIds.length > 0 ? compartmentIds : [''])
  const rows = await base
    .selectAll()
    .orderBy('code')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute()
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return { rows, total: Number(count?.n ?? 0) }
}

export async function insertPledge(db: Db, row: SponsorPledgesTable): Promise<void> {
  await db.insertInto('sponsor_pledges').values(row).execute()
}

export async function pledgesOf(
  db: Db,
  sponsorIds: readonly string[],
): Promise<SponsorPledgesTable[]> {
  if (sponsorIds.length === 0) return []
  return db
    .selectFrom('sponsor_pledges')
    .selectAll()
    .where('sponsor_id', 'in', sponsorIds)
    .orderBy('starts_on')
    .execute()
}

export async function insertSponsorPayment(db: Db, row: SponsorPaymentsTable): Promise<void> {
  await db.insertInto('sponsor_payments').values(row).execute()
}

/** The sponsor who made a payment received. */
export async function sponsorOfPayment(
  db: Db,
  paymentId: string,
): Promise<SponsorsTable | undefined> {
  return db
    .selectFrom('sponsor_payments')
    .innerJoin('sponsors', 'sponsors.id', 'sponsor_payments.sponsor_id')
    .selectAll('sponsors')
    .where('sponsor_payments.id', '=', paymentId)
    .executeTakeFirst()
}

export async function sponsorPaymentsOf(
  db: Db,
  sponsorIds: readonly string[],
): Promise<SponsorPaymentsTable[]> {
  if (sponsorIds.length === 0) return []
  return db
    .selectFrom('sponsor_payments')
    .selectAll()
    .where('sponsor_id', 'in', sponsorIds)
    .orderBy('received_on')
    .execute()
}

export async function insertAllocation(db: Db, row: SponsorAllocationsTable): Promise<void> {
  await db.insertInto('sponsor_allocations').values(row).execute()
}

/** Allocations of these sponsors still running, with the child's alias (null: the whole plan). */
export async function allocationsOf(
  db: Db,
  sponsorIds: readonly string[],
): Promise<(SponsorAllocationsTable & { alias: string | null })[]> {
  if (sponsorIds.length === 0) return []
  return db
    .selectFrom('sponsor_allocations as a')
    .leftJoin('sponsorship_enrolments as e', 'e.id', 'a.enrolment_id')
    .selectAll('a')
    .select('e.alias as alias')
    .where('a.sponsor_id', 'in', sponsorIds)
    .where('a.to_date', 'is', null)
    .orderBy('a.from_date')
    .execute()
}

/** Aliases in use, to give a new child one nobody else has. */
export async function aliasTaken(db: Db, alias: string): Promise<boolean> {
  const row = await db
    .selectFrom('sponsorship_enrolments')
    .select('id')
    .where('alias', '=', alias)
    .executeTakeFirst()
  return row !== undefined
}
