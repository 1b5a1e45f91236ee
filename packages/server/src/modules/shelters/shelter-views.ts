import type {
  FundingStatus,
  LeaveReason,
  ShelterLogKind,
  ShelterStatus,
} from '@haven/core/shelters/shelter-schema'
import type { ShelterSummaryView, ShelterView } from '@haven/core/shelters/shelter-views'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { findShredded } from '../../crypto/key-store.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import type { Db } from '../../db/db-handle.js'
import { peopleRegisteredIn, personCodes } from '../people/index.js'
import { logNoteAddress } from './shelter-service.js'
import { logOf, logPeople, occupancyOf, residentsOf } from './shelter-store.js'
import type { SheltersTable } from './shelters-tables.js'

function summary(row: SheltersTable, occupancy: number): ShelterSummaryView {
  return {
    id: row.compartment_id,
    code: row.code,
    region: row.region,
    capacity: row.capacity,
    occupancy,
    status: row.status as ShelterStatus,
    fundingStatus: row.funding_status as FundingStatus,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  }
}

export async function presentShelterSummaries(
  db: Db,
  rows: readonly SheltersTable[],
): Promise<ShelterSummaryView[]> {
  const occupancy = await occupancyOf(
    db,
    rows.map((r) => r.compartment_id),
  )
  return rows.map((r) => summary(r, occupancy.get(r.compartment_id) ?? 0))
}

/**
 * A shelter with its residents, log and the caller's abilities. Log notes open only for those who
 * may identify, and each note opened is audited (without its content).
 */
export async function presentShelter(
  app: AppContext,
  actor: Actor,
  row: SheltersTable,
  requestId: string,
): Promise<ShelterView> {
  const db = app.database.db
  const id = row.compartment_id
  const record = { compartmentId: id }
  const residents = await residentsOf(db, id)
  const log = await logOf(db, id)
  const named = await logPeople(
    db,
    log.map((l) => l.id),
  )
  const people = await peopleRegisteredIn(db, id)
  const codes = await personCodes(db, [
    ...residents.map((r) => r.person_id),
    ...named.map((n) => n.person_id),
  ])
  const codeOf = (personId: string) => codes.get(personId) ?? ''
  const shredded = (await findShredded(db, id)) !== undefined
  const compromised = row.status === 'compromised'
  const mayIdentify = can(actor, 'identify', 'ShelterRecord', record)
  const opened = log.filter((l) => l.note !== null && mayIdentify)
  if (opened.length > 0 && !shredded)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'shelter.log_notes_read',
      entityType: 'Shelter',
      entityId: id,
      compartmentId: id,
      requestId,
      details: { entries: opened.map((l) => l.id) },
    })
  const current = new Set(residents.filter((r) => r.to_date === null).map((r) => r.person_id))
  const caretaker = row.caretaker_person_id
    ? people.find((p) => p.id === row.caretaker_person_id)
    : undefined
  const actions = [
    ...(can(actor, 'update', 'Shelter', record) && !compromised ? ['update'] : []),
    ...(can(actor, 'create', 'ShelterRecord', record) && !compromised ? ['record'] : []),
    ...(can(actor, 'create', 'ShelterLog', record) && !compromised ? ['log'] : []),
    ...(can(actor, 'manage', 'Shelter', record) && !compromised ? ['compromise'] : []),
    ...(can(actor, 'manage', 'Shelter', record) && compromised && !shredded ? ['restore'] : []),
    ...(can(actor, 'delete', 'Keys', { ownerId: id }) && compromised && !shredded ? ['shred'] : []),
  ]
  return {
    ...summary(row, current.size),
    version: row.version,
    caretaker: caretaker ? { personId: caretaker.id, code: caretaker.code } : null,
    compromisedAt: row.compromised_at,
    shredded,
    residents: residents.map((r) => ({
      id: r.id,
      personId: r.person_id,
      personCode: codeOf(r.person_id),
      fromDate: r.from_date,
      toDate: r.to_date,
      reason: r.leave_reason as LeaveReason | null,
    })),
    log: await Promise.all(
      log.map(async (l) => ({
        id: l.id,
        kind: l.kind as ShelterLogKind,
        occurredOn: l.occurred_on,
        personCodes: named
          .filter((n) => n.log_id === l.id)
          .map((n) => codeOf(n.person_id))
          .sort(),
        note: await presentSealed(app, db, logNoteAddress(l), l.note, mayIdentify),
        createdAt: l.created_at,
      })),
    ),
    people: people.map((p) => ({ id: p.id, code: p.code, resident: current.has(p.id) })),
    actions,
  }
}
