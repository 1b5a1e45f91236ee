import {
  residenceDateIssues,
  SITUATION_AFTER_LEAVING,
  shelterDateIssues,
} from '@haven/core/shelters/shelter-rules'
import type {
  AddResident,
  CreateShelter,
  CreateShelterLog,
  EndResident,
  ShelterStatus,
  UpdateShelter,
} from '@haven/core/shelters/shelter-schema'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import {
  assertCompartmentWritable,
  createCompartment,
} from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { peopleInCompartment, setSituation } from '../people/index.js'
import {
  endResidence,
  findOpenResidence,
  findResidentIn,
  findShelter,
  insertLogEntry,
  insertResident,
  insertShelter,
  occupancyOf,
  touchShelter,
  updateShelterIfVersion,
} from './shelter-store.js'
import type { ShelterLogTable, ShelterResidentsTable, SheltersTable } from './shelters-tables.js'

export const logNoteAddress = (entry: Pick<ShelterLogTable, 'id' | 'compartment_id'>) =>
  sealedAt('shelter_log', 'note', entry.id, entry.compartment_id)

/**
 * Creates a shelter and its compartment together (the compartment service creates its data keys
 * in the same transaction): a shelter never exists without its keys, nor a half-made compartment.
 */
export async function createShelter(
  app: AppContext,
  input: CreateShelter,
  by: Actorish,
): Promise<SheltersTable> {
  const issues = shelterDateIssues(
    { status: 'active', openedOn: input.openedOn, closedOn: null },
    today(app),
  )
  if (issues.length > 0) throw errors.validationFailed(issues)
  return app.database.db.transaction().execute(async (trx) => {
    const compartment = await createCompartment(
      app,
      trx,
      { code: input.code, name: input.code, kind: 'shelter' },
      by,
    )
    const now = app.now().toISOString()
    const row: SheltersTable = {
      compartment_id: compartment.id,
      code: compartment.code,
      region: input.region,
      capacity: input.capacity,
      caretaker_person_id: null,
      opened_on: input.openedOn,
      closed_on: null,
      funding_status: input.fundingStatus,
      status: 'active',
      status_before_compromise: null,
      compromised_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
    }
    await insertShelter(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.created',
      entityType: 'Shelter',
      entityId: row.compartment_id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { code: row.code, capacity: row.capacity, fundingStatus: row.funding_status },
    })
    return row
  })
}

/**
 * Reads the shelter again inside the transaction, taking its row lock (PostgreSQL) so that
 * concurrent changes to one shelter — two residents for the last bed — happen one after the other.
 * Refuses any change while the shelter's compartment is frozen.
 */
async function lockForChange(app: AppContext, trx: Db, id: string): Promise<SheltersTable> {
  await touchShelter(trx, id, app.now().toISOString())
  const shelter = await findShelter(trx, id)
  const compartment = await findCompartment(trx, id)
  if (!shelter || !compartment) throw errors.notFound()
  await assertCompartmentWritable(trx, compartment)
  if (shelter.status === 'compromised') throw errors.recordFrozen()
  return shelter
}

/**
 * Saves an edit made from `update.version`; if someone saved in between nothing is written and
 * the answer is 409 with the version to reload.
 */
export async function updateShelter(
  app: AppContext,
  id: string,
  update: UpdateShelter,
  by: Actorish,
): Promise<SheltersTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const current = await lockForChange(app, trx, id)
    const changed = Object.keys(update).filter((k) => k !== 'version')
    if (current.version !== update.version)
      throw errors.versionConflict({
        yourVersion: update.version,
        currentVersion: current.version,
        yourChanges: changed,
      })
    const status = (update.status ?? current.status) as ShelterStatus
    const closedOn =
      update.closedOn !== undefined
        ? update.closedOn
        : status === 'closed'
          ? current.closed_on
          : update.status !== undefined
            ? null
            : current.closed_on
    const issues = shelterDateIssues(
      { status, openedOn: update.openedOn ?? current.opened_on, closedOn },
      today(app),
    )
    if (issues.length > 0) throw errors.validationFailed(issues)
    if (update.caretakerPersonId)
      await peopleInCompartment(trx, current.compartment_id, [update.caretakerPersonId])
    const changes: Partial<SheltersTable> = {
      updated_at: app.now().toISOString(),
      ...(update.region !== undefined ? { region: update.region } : {}),
      ...(update.capacity !== undefined ? { capacity: update.capacity } : {}),
      ...(update.fundingStatus !== undefined ? { funding_status: update.fundingStatus } : {}),
      ...(update.openedOn !== undefined ? { opened_on: update.openedOn } : {}),
      ...(update.caretakerPersonId !== undefined
        ? { caretaker_person_id: update.caretakerPersonId }
        : {}),
      status,
      closed_on: closedOn,
    }
    if (!(await updateShelterIfVersion(trx, id, update.version, changes)))
      throw errors.versionConflict({ yourVersion: update.version, yourChanges: changed })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.updated',
      entityType: 'Shelter',
      entityId: id,
      compartmentId: id,
      requestId: by.requestId,
      details: { fields: changed, ...(update.status ? { status: update.status } : {}) },
    })
    return (await findShelter(trx, id)) as SheltersTable
  })
}

/**
 * Records that a person lives in the shelter from a date: they must be registered in its
 * compartment, live nowhere else now, and find a free place; their situation becomes "in shelter".
 */
export async function addResident(
  app: AppContext,
  id: string,
  input: AddResident,
  by: Actorish,
): Promise<ShelterResidentsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const shelter = await lockForChange(app, trx, id)
    if (shelter.status === 'closed') throw errors.shelterClosed()
    const issues = residenceDateIssues({ fromDate: input.fromDate }, shelter.opened_on, today(app))
    if (issues.length > 0) throw errors.validationFailed(issues)
    const [person] = await peopleInCompartment(trx, shelter.compartment_id, [input.personId])
    if (!person) throw errors.compartmentMismatch()
    if (await findOpenResidence(trx, person.id)) throw errors.alreadyResident()
    const occupancy =
      (await occupancyOf(trx, [shelter.compartment_id])).get(shelter.compartment_id) ?? 0
    if (occupancy >= shelter.capacity) throw errors.shelterFull(shelter.capacity)
    const row: ShelterResidentsTable = {
      id: newId(),
      compartment_id: shelter.compartment_id,
      person_id: person.id,
      from_date: input.fromDate,
      to_date: null,
      leave_reason: null,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    try {
      await insertResident(trx, row)
    } catch (error) {
      if (isUniqueViolation(error)) throw errors.alreadyResident()
      throw error
    }
    await setSituation(app, trx, person.id, 'in_shelter', by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.resident_added',
      entityType: 'Shelter',
      entityId: shelter.compartment_id,
      compartmentId: shelter.compartment_id,
      requestId: by.requestId,
      details: { residentId: row.id, personId: person.id, occupancy: occupancy + 1 },
    })
    return row
  })
}

/** Ends a residence with the date and reason the person left; their situation follows the reason. */
export async function endResident(
  app: AppContext,
  id: string,
  residentId: string,
  input: EndResident,
  by: Actorish,
): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    const shelter = await lockForChange(app, trx, id)
    const residence = await findResidentIn(trx, residentId, shelter.compartment_id)
    if (!residence) throw errors.notFound()
    const issues = residenceDateIssues(
      { fromDate: residence.from_date, toDate: input.toDate },
      shelter.opened_on,
      today(app),
    ).filter((i) => i.path === 'toDate')
    if (issues.length > 0) throw errors.validationFailed(issues)
    if (!(await endResidence(trx, residence.id, input.toDate, input.reason)))
      throw errors.versionConflict({ yourChanges: ['toDate'] })
    await setSituation(app, trx, residence.person_id, SITUATION_AFTER_LEAVING[input.reason], by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'shelter.resident_left',
      entityType: 'Shelter',
      entityId: shelter.compartment_id,
      compartmentId: shelter.compartment_id,
      requestId: by.requestId,
      details: { residentId: residence.id, personId: residence.person_id, reason: input.reason },
    })
  })
}

/** Adds an incident or oversight entry; its note is sealed, the people it names are in the shelter. */
export async function addLogEntry(
  app: AppContext,
  id: string,
  input: CreateShelterLog,
  by: Actorish,
  /** Fixed by the caller when a replay must find it (a field device's outbox entry). */
  fixedId?: string,
): Promise<ShelterLogTable> {
  return app.database.db
    .transaction()
    .execute((trx) => addLogEntryIn(app, trx, id, input, by, fixedId))
}

/** `addLogEntry` inside the caller's transaction (a field device's push, one per push). */
export async function addLogEntryIn(
  app: AppContext,
  trx: Db,
  id: string,
  input: CreateShelterLog,
  by: Actorish,
  fixedId?: string,
): Promise<ShelterLogTable> {
  if (input.occurredOn > today(app))
    throw errors.validationFailed([{ path: 'occurredOn', key: 'field.date_in_future', params: {} }])
  const shelter = await lockForChange(app, trx, id)
  const people = await peopleInCompartment(trx, shelter.compartment_id, input.personIds)
  const entryId = fixedId ?? newId()
  const row: ShelterLogTable = {
    id: entryId,
    compartment_id: shelter.compartment_id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    note: input.note
      ? await app.crypto.fields.seal(
          trx,
          logNoteAddress({ id: entryId, compartment_id: shelter.compartment_id }),
          input.note,
        )
      : null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  await insertLogEntry(
    trx,
    row,
    people.map((p) => p.id),
  )
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'shelter.log_recorded',
    entityType: 'Shelter',
    entityId: shelter.compartment_id,
    compartmentId: shelter.compartment_id,
    requestId: by.requestId,
    details: { entryId, kind: input.kind, people: people.length },
  })
  return row
}
