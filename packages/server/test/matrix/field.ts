import { randomUUID } from 'node:crypto'
import type { AppContext } from '../../src/app-context.js'
import { newId } from '../../src/db/ids.js'
import { registerDevice } from '../../src/modules/field/field-service.js'
import { insertChanges } from '../../src/modules/field/field-store.js'
import { buildUser } from '../support/factories.js'
import { field, type MatrixModule, seeded } from '../support/matrix.js'

const BY = { actorId: null, requestId: null }

/** A phone of a user of its own (or of `userId`). */
async function deviceOf(app: AppContext, userId?: string) {
  const owner = userId ?? (await buildUser(app)).id
  return registerDevice(app, owner, 'Matrix phone', BY)
}

/** A distribution a phone recorded past the cap in a compartment, waiting for review. */
async function flaggedChange(app: AppContext, compartmentId: string) {
  const device = await deviceOf(app)
  const id = newId()
  await insertChanges(app.database.db, [
    {
      id,
      device_id: device.id,
      client_id: randomUUID(),
      user_id: device.user_id,
      compartment_id: compartmentId,
      kind: 'distribution',
      outcome: 'flagged',
      code: 'daily_cap_reached',
      entity_id: null,
      body: null,
      recorded_at: app.now().toISOString(),
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    },
  ])
  return id
}

const listed = (body: unknown): unknown[] => {
  const items = field(body, 'items')
  return Array.isArray(items) ? items : []
}

/** The field app: phones (their owner's or an administrator's), sync, and review by coordinators. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    return { fieldChangeId: await flaggedChange(app, c.id) }
  },
  rows: {
    'POST /field/devices': {
      scope: { kind: 'self' },
      call: () => ({ path: '/field/devices', body: { name: 'My phone' } }),
    },
    'GET /field/devices': {
      scope: { kind: 'self' },
      call: () => ({ path: '/field/devices' }),
    },
    'GET /field/devices/all': {
      scope: { kind: 'org', allow: ['administrator'] },
      call: () => ({ path: '/field/devices/all' }),
    },
    'POST /field/devices/:id/revoke': {
      // Someone else's phone: only an administrator may revoke it (the owner always may).
      scope: { kind: 'org', allow: ['administrator'] },
      call: async (f) => ({ path: `/field/devices/${(await deviceOf(f.app)).id}/revoke` }),
    },
    'POST /field/sync/push': {
      scope: { kind: 'self' },
      call: async (f) => ({
        path: '/field/sync/push',
        body: {
          deviceId: (await deviceOf(f.app, f.caller.id)).id,
          mutations: [
            {
              clientId: randomUUID(),
              kind: 'distribution',
              data: { compartmentId: f.own.id, day: '2026-05-02', headcount: 1 },
            },
          ],
        },
      }),
    },
    'GET /field/sync/pull': {
      scope: { kind: 'self' },
      call: async (f) => ({
        path: `/field/sync/pull?deviceId=${(await deviceOf(f.app, f.caller.id)).id}`,
      }),
    },
    'GET /field/review': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          listed(body).some(
            (i) =>
              field(i, 'compartmentId') === o.compartment.id ||
              field(i, 'id') === seeded(o, 'fieldChangeId'),
          ),
      },
      call: () => ({ path: '/field/review' }),
    },
    'POST /field/review/:id': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => ({
        path: `/field/review/${await flaggedChange(f.app, f.target.id)}`,
        body: { resolution: 'dismiss' },
      }),
    },
  },
}
