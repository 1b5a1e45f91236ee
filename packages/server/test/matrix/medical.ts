import type { AppContext } from '../../src/app-context.js'
import { recordTreatment } from '../../src/modules/medical/medical-service.js'
import { openCase } from '../../src/modules/people/case-service.js'
import {
  createItem,
  createLocation,
  recordMovement,
} from '../../src/modules/supplies/stock-service.js'
import { type Fixture, type MatrixModule, PEOPLE, seeded } from '../support/matrix.js'
import { buildPerson } from '../support/people-factories.js'

const BY = { actorId: null, requestId: null }

async function medicalCase(app: AppContext, compartmentId: string) {
  const person = await buildPerson(app, compartmentId)
  return openCase(
    app,
    person,
    {
      personId: person.id,
      type: 'medical',
      priority: 'normal',
      assigneeId: null,
      openedOn: '2026-01-05',
    },
    BY,
  )
}

async function treatment(app: AppContext, compartmentId: string) {
  const kase = await medicalCase(app, compartmentId)
  return recordTreatment(
    app,
    {
      id: kase.id,
      code: kase.code,
      compartmentId,
      personId: kase.person_id,
      type: 'medical',
      status: 'open',
    },
    {
      caseId: kase.id,
      kind: 'clinic',
      provider: 'Partner clinic',
      startedOn: '2026-02',
      cost: null,
      flags: [],
    },
    BY,
  )
}

/** Ten first-aid kits in stock at a warehouse. */
async function kitsInStock(app: AppContext) {
  const item = await createItem(
    app,
    { name: 'First-aid kit', kind: 'first_aid_kit', unit: 'kit' },
    BY,
  )
  const at = await createLocation(
    app,
    { name: 'Kit store', kind: 'warehouse', compartmentId: null },
    BY,
  )
  await recordMovement(
    app,
    {
      itemId: item.id,
      kind: 'purchase',
      fromLocationId: null,
      toLocationId: at.id,
      quantity: 10,
      occurredOn: '2026-01-02',
      cost: '100',
      currency: 'CNY',
    },
    BY,
  )
  return { itemId: item.id, fromLocationId: at.id }
}

/** Medical aid: treatments of medical cases in the case's compartment. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    return { treatmentId: (await treatment(app, c.id)).id }
  },
  rows: {
    'GET /medical/treatments': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => JSON.stringify(body).includes(seeded(o, 'treatmentId')),
      },
      call: () => ({ path: '/medical/treatments' }),
    },
    'POST /medical/treatments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => ({
        path: '/medical/treatments',
        body: {
          caseId: (await medicalCase(f.app, f.target.id)).id,
          kind: 'hospital',
          provider: 'Partner hospital',
          startedOn: '2026-03',
          cost: { amount: '1200', currency: 'CNY', paidOn: '2026-03-10' },
        },
      }),
    },
    'GET /medical/treatments/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => ({
        path: `/medical/treatments/${(await treatment(f.app, f.target.id)).id}`,
      }),
    },
    'GET /medical/cases/:caseId/kits': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => ({
        path: `/medical/cases/${(await medicalCase(f.app, f.target.id)).id}/kits`,
      }),
    },
    'PUT /medical/cases/:caseId/restriction': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f: Fixture) => ({
        path: `/medical/cases/${(await medicalCase(f.app, f.target.id)).id}/restriction`,
        body: { restricted: true, reason: 'sensitive_condition' },
      }),
    },
    'POST /medical/cases/:caseId/kits': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => ({
        path: `/medical/cases/${(await medicalCase(f.app, f.target.id)).id}/kits`,
        body: { ...(await kitsInStock(f.app)), quantity: 2, occurredOn: '2026-01-03' },
      }),
    },
  },
}
