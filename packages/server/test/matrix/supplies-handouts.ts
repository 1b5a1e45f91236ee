import type { AppContext } from '../../src/app-context.js'
import { handOutItems } from '../../src/modules/supplies/handout-service.js'
import {
  createItem,
  createLocation,
  recordMovement,
} from '../../src/modules/supplies/stock-service.js'
import { type Fixture, type MatrixModule, seeded } from '../support/matrix.js'

const BY = { actorId: null, requestId: null }
const FIELD = ['coordinator', 'caseworker', 'field_worker'] as const

/** A kit in stock at a warehouse (100 of them). */
async function kitsInStock(app: AppContext) {
  const item = await createItem(
    app,
    { name: 'First-aid kit', kind: 'first_aid_kit', unit: 'kit' },
    BY,
  )
  const at = await createLocation(
    app,
    { name: 'Warehouse', kind: 'warehouse', compartmentId: null },
    BY,
  )
  await recordMovement(
    app,
    {
      itemId: item.id,
      kind: 'purchase',
      fromLocationId: null,
      toLocationId: at.id,
      quantity: 100,
      occurredOn: '2026-05-01',
      cost: '500',
      currency: 'CNY',
    },
    BY,
  )
  return { itemId: item.id, fromLocationId: at.id }
}

/** Non-food handouts: by the compartment whose people received them. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    const stock = await kitsInStock(app)
    const made = await handOutItems(
      app,
      {
        ...stock,
        compartmentId: c.id,
        personCode: null,
        headcount: 12,
        quantity: 12,
        occurredOn: '2026-05-02',
      },
      BY,
    )
    return { handoutId: made.id }
  },
  rows: {
    'GET /supplies/handouts': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => JSON.stringify(body).includes(seeded(o, 'handoutId')),
      },
      call: () => ({ path: '/supplies/handouts' }),
    },
    'POST /supplies/handouts': {
      scope: { kind: 'compartment', allow: FIELD },
      call: async (f: Fixture) => ({
        path: '/supplies/handouts',
        body: {
          ...(await kitsInStock(f.app)),
          compartmentId: f.target.id,
          headcount: 3,
          quantity: 3,
          occurredOn: '2026-05-03',
        },
      }),
    },
  },
}
