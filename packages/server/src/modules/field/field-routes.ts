import {
  deviceParamsSchema,
  deviceView,
  pullQuerySchema,
  pullView,
  pushResultView,
  pushSchema,
  registerDeviceSchema,
  resolveReviewSchema,
  reviewItemView,
  reviewPageView,
  reviewParamsSchema,
  reviewQuerySchema,
} from '@haven/core/field/field-schemas'
import { z } from 'zod'
import { defineRoute, found } from '../../api/api-route.js'
import {
  deviceInUse,
  matchedOf,
  presentDevice,
  presentReview,
  pull,
  push,
  registerDevice,
  resolve,
  revoke,
} from './field-service.js'
import { countReview, findChange, findDevice, listDevices, listReview } from './field-store.js'

const SYNC_ERRORS = ['notFound', 'deviceRevoked', 'validationFailed'] as const

export const fieldRoutes = [
  defineRoute({
    method: 'post',
    path: '/field/devices',
    summary: 'Register this phone for the offline field app (revocable by you or an administrator)',
    tag: 'field',
    access: { kind: 'signed-in', why: 'a user registers their own phone' },
    body: registerDeviceSchema,
    response: deviceView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, actor, body, audit: by }) {
      return presentDevice(await registerDevice(app, actor().userId, body.name, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/field/devices',
    summary: 'Your registered phones, when each last synced, which are revoked',
    tag: 'field',
    access: { kind: 'signed-in', why: 'a user lists their own phones' },
    response: z.array(deviceView),
    async handle({ app, actor }) {
      return (await listDevices(app.database.db, actor().userId)).map(presentDevice)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/field/devices/all',
    summary: 'Every user’s registered phones (administrators: to revoke a seized one)',
    tag: 'field',
    access: {
      kind: 'policy',
      entity: 'FieldDevice',
      action: 'list',
      // Asked as about someone else's device: only an administrator may list everyone's.
      record: () => ({ userId: '' }),
    },
    response: z.array(deviceView),
    async handle({ app }) {
      return (await listDevices(app.database.db, null)).map(presentDevice)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/field/devices/:id/revoke',
    summary: 'Revoke a phone: its next contact is answered 410 and it wipes what it holds',
    tag: 'field',
    access: {
      kind: 'policy',
      entity: 'FieldDevice',
      action: 'manage',
      load: async ({ app, params }) => found(await findDevice(app.database.db, params.id)),
      record: (d) => ({ userId: d.user_id }),
    },
    params: deviceParamsSchema,
    response: deviceView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: device, audit: by }) {
      return presentDevice(await revoke(app, device, by))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/field/sync/push',
    summary:
      'Send a phone’s outbox: each entry applied once through its module (replays answer as before); past a cap flagged, against a newer record kept as a conflict',
    tag: 'field',
    // Each entry is authorized on its own, as the module's own route would (see applyOne).
    access: { kind: 'signed-in', why: 'each entry is authorized as its own module’s request' },
    body: pushSchema,
    response: pushResultView,
    errors: SYNC_ERRORS,
    async handle({ app, actor, body, audit: by }) {
      const device = await deviceInUse(app, actor(), body.deviceId, false)
      const results = await push(app, actor(), device, body.mutations, by)
      return { results, serverTime: app.now().toISOString() }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/field/sync/pull',
    summary:
      'Changes since a cursor in the compartments you hold now (codes, no identities), and the compartments to purge',
    tag: 'field',
    // The scope is computed from the policies of people, cases and shelter logs (see pull).
    access: { kind: 'signed-in', why: 'scoped by the people, case and shelter policies' },
    query: pullQuerySchema,
    response: pullView,
    errors: SYNC_ERRORS,
    async handle({ app, actor, query }) {
      await deviceInUse(app, actor(), query.deviceId)
      return pull(app, actor(), query.cursor, query.limit)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/field/review',
    summary:
      'What field phones recorded past a cap or against a newer record, waiting for a coordinator',
    tag: 'field',
    access: {
      kind: 'policy',
      entity: 'FieldReview',
      action: 'list',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: reviewQuerySchema,
    response: reviewPageView,
    async handle({ app, actor, query, scope, audit: by }) {
      const filter = { compartmentIds: scope, outcome: query.outcome }
      const [rows, total] = await Promise.all([
        listReview(app.database.db, filter, query),
        countReview(app.database.db, filter),
      ])
      // Whom a registration held as a duplicate matched: what the coordinator decides on.
      const matched = await matchedOf(app, actor(), rows, by.requestId)
      return {
        items: rows.map((r) => presentReview(r, (r.entity_id && matched.get(r.entity_id)) || null)),
        total,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/field/review/:id',
    summary:
      'Decide on a flagged or conflicting change: apply a conflict after all, or mark it seen',
    tag: 'field',
    access: {
      kind: 'policy',
      entity: 'FieldReview',
      action: 'manage',
      load: async ({ app, params }) => found(await findChange(app.database.db, params.id)),
      record: (c) => ({ compartmentId: c.compartment_id }),
    },
    params: reviewParamsSchema,
    body: resolveReviewSchema,
    response: reviewItemView,
    errors: ['notFound', 'forbidden', 'versionConflict', 'fieldChangeRefused'],
    async handle({ app, actor, record: change, body, audit: by }) {
      await resolve(app, actor(), change, body.resolution, by)
      const after = found(await findChange(app.database.db, change.id))
      const device = await findDevice(app.database.db, after.device_id)
      return presentReview({ ...after, device_name: device?.name ?? '' })
    },
  }),
]
