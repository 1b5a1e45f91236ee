import type { AppContext } from '../../src/app-context.js'
import { insertGrant } from '../../src/auth/user-store.js'
import type { CompartmentsTable } from '../../src/compartments/compartment-tables.js'
import { newId } from '../../src/db/ids.js'
import { addResident, createShelter } from '../../src/modules/shelters/shelter-service.js'
import { findShelter, insertShelter } from '../../src/modules/shelters/shelter-store.js'
import type { SheltersTable } from '../../src/modules/shelters/shelters-tables.js'
import { buildPerson } from './people-factories.js'

const BY = { actorId: null, requestId: null }
let counter = 0

/** A shelter code nobody else in this test run uses (the pattern's letters, then a number). */
export function uniqueShelterCode(): string {
  counter += 1
  const letters = Array.from({ length: 4 }, () =>
    String.fromCharCode(65 + Math.floor(Math.random() * 26)),
  ).join('')
  return `${letters}-${String(counter % 1000).padStart(3, '0')}`
}

/** A new shelter (and its compartment, with keys) through the real service. */
export async function buildShelter(
  app: AppContext,
  options: { code?: string; capacity?: number; openedOn?: string } = {},
): Promise<SheltersTable> {
  return createShelter(
    app,
    {
      code: options.code ?? uniqueShelterCode(),
      region: 'Yanbian',
      capacity: options.capacity ?? 500,
      fundingStatus: 'funded',
      openedOn: options.openedOn ?? '2026-01-01',
    },
    BY,
  )
}

/** Makes an existing compartment a shelter (for fixtures whose compartments came first). */
export async function ensureShelter(
  app: AppContext,
  compartment: CompartmentsTable,
): Promise<SheltersTable> {
  const db = app.database.db
  const found = await findShelter(db, compartment.id)
  if (found) return found
  const now = app.now().toISOString()
  const row: SheltersTable = {
    compartment_id: compartment.id,
    code: compartment.code,
    region: 'Jilin',
    capacity: 500,
    caretaker_person_id: null,
    opened_on: '2026-01-01',
    closed_on: null,
    funding_status: 'funded',
    status: 'active',
    status_before_compromise: null,
    compromised_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
    created_by: null,
  }
  await insertShelter(db, row)
  return row
}

/** Gives a user in `to` the same roles they hold in `from` (compartment grants only). */
export async function copyGrants(
  app: AppContext,
  userId: string,
  from: string,
  to: string,
): Promise<void> {
  const db = app.database.db
  const grants = await db
    .selectFrom('grants')
    .select('role')
    .where('user_id', '=', userId)
    .where('compartment_id', '=', from)
    .execute()
  for (const g of grants)
    await insertGrant(db, {
      id: newId(),
      userId,
      compartmentId: to,
      role: g.role,
      createdAt: app.now().toISOString(),
      createdBy: null,
    })
}

/** A resident of the shelter: a new person registered there, moved in on `fromDate`. */
export async function buildResident(app: AppContext, shelterId: string, fromDate = '2026-05-01') {
  const person = await buildPerson(app, shelterId)
  const row = await addResident(app, shelterId, { personId: person.id, fromDate }, BY)
  return { person, residence: row }
}
