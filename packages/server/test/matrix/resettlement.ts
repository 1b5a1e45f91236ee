import type { AppContext } from '../../src/app-context.js'
import { createCompartment } from '../../src/compartments/compartment-service.js'
import { openCase } from '../../src/modules/people/case-service.js'
import { createPathway } from '../../src/modules/resettlement/resettlement-service.js'
import { assessReturn, requestReturn } from '../../src/modules/resettlement/returnee-service.js'
import { type Fixture, type MatrixModule, PEOPLE, seeded } from '../support/matrix.js'
import { buildPerson } from '../support/people-factories.js'
import { copyGrants } from '../support/shelter-factories.js'

const BY = { actorId: null, requestId: null }
let counter = 0

/** A resettlement (or return) case of a new person in `compartmentId`. */
async function resettlementCase(
  app: AppContext,
  compartmentId: string,
  type: 'resettlement' | 'return' = 'resettlement',
) {
  const person = await buildPerson(app, compartmentId)
  return openCase(
    app,
    person,
    {
      personId: person.id,
      type,
      priority: 'normal',
      assigneeId: null,
      openedOn: '2026-01-05',
    },
    BY,
  )
}

/** A new restricted (programme) compartment. */
async function programme(app: AppContext) {
  counter += 1
  return createCompartment(
    app,
    app.database.db,
    { code: `RST-${counter}`, name: `Resettlement ${counter}`, kind: 'programme' },
    BY,
  )
}

/**
 * The restricted compartment of this call: a new programme compartment where the caller holds
 * exactly what they hold in `own` when the call targets `own` (and nothing when it targets
 * `other`); the case stays in the target (shelter) compartment. Organisation-wide grants never
 * open it, so organisation roles are expected 404 like callers without a grant.
 */
async function restricted(f: Fixture) {
  const compartment = await programme(f.app)
  if (f.target === f.own) await copyGrants(f.app, f.caller.id, f.own.id, compartment.id)
  return compartment
}

async function pathway(f: Fixture) {
  const compartment = await restricted(f)
  const kase = await resettlementCase(f.app, f.target.id)
  return createPathway(
    f.app,
    {
      ...kase,
      compartmentId: kase.compartment_id,
      personId: kase.person_id,
      type: 'resettlement',
      status: 'open',
    },
    {
      compartmentId: compartment.id,
      caseId: kase.id,
      route: 'unhcr',
      routeCountry: null,
      on: '2026-01',
      precision: 'month',
    },
    BY,
  )
}

/** A request to return in this call's restricted compartment, approved if asked. */
async function returnRequest(f: Fixture, approved = false) {
  const compartment = await restricted(f)
  const kase = await resettlementCase(f.app, f.target.id, 'return')
  const made = await requestReturn(
    f.app,
    {
      id: kase.id,
      code: kase.code,
      compartmentId: kase.compartment_id,
      personId: kase.person_id,
      type: 'return',
      status: 'open',
    },
    { compartmentId: compartment.id, caseId: kase.id, requestedOn: '2026-01' },
    BY,
  )
  if (!approved) return made
  return assessReturn(f.app, made.id, { version: 1, decision: 'approved', on: '2026-02' }, BY)
}

/** Resettlement pathways, in restricted compartments only their own grants open. */
export const matrix: MatrixModule = {
  // A pathway of a case in each compartment, so the list has something to leak.
  async seed(app, c) {
    const compartment = await programme(app)
    const kase = await resettlementCase(app, c.id)
    const back = await resettlementCase(app, c.id, 'return')
    const p = await createPathway(
      app,
      {
        id: kase.id,
        code: kase.code,
        compartmentId: c.id,
        personId: kase.person_id,
        type: 'resettlement',
        status: 'open',
      },
      {
        compartmentId: compartment.id,
        caseId: kase.id,
        route: 'underground',
        routeCountry: null,
        on: '2026-01',
        precision: 'month',
      },
      BY,
    )
    const r = await requestReturn(
      app,
      {
        id: back.id,
        code: back.code,
        compartmentId: c.id,
        personId: back.person_id,
        type: 'return',
        status: 'open',
      },
      { compartmentId: compartment.id, caseId: back.id, requestedOn: '2026-01' },
      BY,
    )
    return { pathwayId: p.id, returnId: r.id }
  },
  rows: {
    'GET /resettlement/pathways': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          JSON.stringify(body).includes(seeded(o, 'pathwayId')) ||
          (body as { total?: number }).total !== 0,
      },
      call: () => ({ path: '/resettlement/pathways' }),
    },
    'POST /resettlement/pathways': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const compartment = await restricted(f)
        const kase = await resettlementCase(f.app, f.target.id)
        return {
          path: '/resettlement/pathways',
          body: {
            compartmentId: compartment.id,
            caseId: kase.id,
            route: 'consulate',
            routeCountry: 'JP',
            on: '2026-02',
            precision: 'month',
          },
        }
      },
    },
    'GET /resettlement/pathways/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/resettlement/pathways/${(await pathway(f)).id}` }),
    },
    'POST /resettlement/pathways/:id/stages': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/resettlement/pathways/${(await pathway(f)).id}/stages`,
        body: { version: 1, stage: 'protection_requested', on: '2026-03', precision: 'month' },
      }),
    },
    'GET /resettlement/returns': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          JSON.stringify(body).includes(seeded(o, 'returnId')) ||
          (body as { total?: number }).total !== 0,
      },
      call: () => ({ path: '/resettlement/returns' }),
    },
    'POST /resettlement/returns': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const compartment = await restricted(f)
        const kase = await resettlementCase(f.app, f.target.id, 'return')
        return {
          path: '/resettlement/returns',
          body: { compartmentId: compartment.id, caseId: kase.id, requestedOn: '2026-02' },
        }
      },
    },
    'GET /resettlement/returns/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/resettlement/returns/${(await returnRequest(f)).id}` }),
    },
    'POST /resettlement/returns/:id/assessment': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/resettlement/returns/${(await returnRequest(f)).id}/assessment`,
        body: { version: 1, decision: 'approved', on: '2026-02' },
      }),
    },
    'POST /resettlement/returns/:id/funds': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/resettlement/returns/${(await returnRequest(f, true)).id}/funds`,
        body: { version: 2, amount: '2000', currency: 'CNY', paidOn: '2026-03-01' },
      }),
    },
    'POST /resettlement/returns/:id/returned': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/resettlement/returns/${(await returnRequest(f, true)).id}/returned`,
        body: { version: 2, on: '2026-03' },
      }),
    },
  },
}
