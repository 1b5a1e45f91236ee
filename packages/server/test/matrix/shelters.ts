import { compromiseShelter } from '../../src/modules/shelters/shelter-compromise.js'
import { findShelter } from '../../src/modules/shelters/shelter-store.js'
import { type Fixture, ids, type MatrixModule, PEOPLE, SEES } from '../support/matrix.js'
import { buildPerson } from '../support/people-factories.js'
import {
  buildResident,
  buildShelter,
  copyGrants,
  ensureShelter,
  uniqueShelterCode,
} from '../support/shelter-factories.js'

/** A new shelter where the caller holds what they hold in `own` if the call targets `own`. */
async function freshShelter(f: Fixture) {
  const shelter = await buildShelter(f.app)
  if (f.target === f.own) await copyGrants(f.app, f.caller.id, f.own.id, shelter.compartment_id)
  return shelter
}

/** Shelters, their residents and log, compromise and its undoing. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    await ensureShelter(app, c)
    return {}
  },
  rows: {
    'GET /shelters': {
      scope: { kind: 'compartment-list', leaks: (body, o) => ids(body).includes(o.compartment.id) },
      call: () => ({ path: '/shelters' }),
    },
    'POST /shelters': {
      scope: { kind: 'org', allow: ['administrator'] },
      call: () => ({
        path: '/shelters',
        body: {
          code: uniqueShelterCode(),
          region: 'Yanbian',
          capacity: 12,
          fundingStatus: 'funded',
          openedOn: '2026-02-01',
        },
      }),
    },
    'GET /shelters/:id': {
      scope: { kind: 'compartment', allow: SEES },
      call: async (f) => ({
        path: `/shelters/${(await ensureShelter(f.app, f.target)).compartment_id}`,
      }),
    },
    'PATCH /shelters/:id': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const shelter = await ensureShelter(f.app, f.target)
        const current = await findShelter(f.app.database.db, shelter.compartment_id)
        return {
          path: `/shelters/${shelter.compartment_id}`,
          body: { version: current?.version ?? 1, capacity: 400 },
        }
      },
    },
    'POST /shelters/:id/residents': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const shelter = await ensureShelter(f.app, f.target)
        const p = await buildPerson(f.app, f.target.id)
        return {
          path: `/shelters/${shelter.compartment_id}/residents`,
          body: { personId: p.id, fromDate: '2026-05-01' },
        }
      },
    },
    'POST /shelters/:id/residents/:residentId/end': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const shelter = await ensureShelter(f.app, f.target)
        const { residence } = await buildResident(f.app, shelter.compartment_id)
        return {
          path: `/shelters/${shelter.compartment_id}/residents/${residence.id}/end`,
          body: { toDate: '2026-05-20', reason: 'moved_on' },
        }
      },
    },
    'POST /shelters/:id/log': {
      scope: { kind: 'compartment', allow: SEES },
      call: async (f) => ({
        path: `/shelters/${(await ensureShelter(f.app, f.target)).compartment_id}/log`,
        body: { kind: 'oversight_visit', occurredOn: '2026-05-02', note: 'all well' },
      }),
    },
    // Compromising freezes a compartment: each call gets a shelter of its own, where the caller
    // holds the roles they hold in `own` (or none, for `other`), so the fixture stays writable.
    'POST /shelters/:id/compromise': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const shelter = await freshShelter(f)
        return {
          path: `/shelters/${shelter.compartment_id}/compromise`,
          body: { confirmCode: shelter.code },
        }
      },
    },
    'POST /shelters/:id/restore': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const shelter = await freshShelter(f)
        await compromiseShelter(f.app, shelter.compartment_id, { actorId: null, requestId: null })
        return {
          path: `/shelters/${shelter.compartment_id}/restore`,
          body: { confirmCode: shelter.code },
        }
      },
    },
  },
}
