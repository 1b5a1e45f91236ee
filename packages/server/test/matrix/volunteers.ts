import type { AppContext } from '../../src/app-context.js'
import type { CompartmentsTable } from '../../src/compartments/compartment-tables.js'
import {
  changeVolunteerStatus,
  createVolunteer,
} from '../../src/modules/volunteers/volunteers-service.js'
import { ids, type MatrixModule, PEOPLE, seeded } from '../support/matrix.js'

const BY = { actorId: null, requestId: null }

/** A fresh application in the compartment, made active when work is to be assigned or logged. */
async function volunteer(app: AppContext, c: CompartmentsTable, active = false): Promise<string> {
  const row = await createVolunteer(
    app,
    {
      compartmentId: c.id,
      name: 'Synthetic Volunteer',
      appliedOn: '2026-01-10',
      languages: [{ language: 'ko', level: 'fluent' }],
      skills: [],
      availableDays: [],
    },
    BY,
  )
  if (active) await changeVolunteerStatus(app, row, { status: 'active', version: 1 }, BY)
  return row.id
}

/** Volunteers: kept per compartment by coordinators and caseworkers, contact details sealed. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    return { volunteerId: await volunteer(app, c) }
  },
  rows: {
    'GET /volunteers': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          ids((body as { rows?: unknown }).rows).includes(seeded(o, 'volunteerId')),
      },
      call: () => ({ path: '/volunteers' }),
    },
    'POST /volunteers': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: '/volunteers',
        body: { compartmentId: f.target.id, name: 'Synthetic Volunteer', appliedOn: '2026-05-01' },
      }),
    },
    'GET /volunteers/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/volunteers/${await volunteer(f.app, f.target)}` }),
    },
    'POST /volunteers/:id/status': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/volunteers/${await volunteer(f.app, f.target)}/status`,
        body: { status: 'screening', version: 1 },
      }),
    },
    'POST /volunteers/:id/assignments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/volunteers/${await volunteer(f.app, f.target, true)}/assignments`,
        body: { kind: 'office', label: 'Mailing', startsOn: '2026-05-01' },
      }),
    },
    'POST /volunteers/:id/hours': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/volunteers/${await volunteer(f.app, f.target, true)}/hours`,
        body: { on: '2026-05-01', hours: 2 },
      }),
    },
  },
}
