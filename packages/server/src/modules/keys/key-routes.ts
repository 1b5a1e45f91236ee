import {
  type KeyOwnerView,
  keyJobParamsSchema,
  keyJobView,
  keyOwnerParamsSchema,
  keysOverviewView,
  shredRequestSchema,
  shredResultView,
} from '@haven/core/keys/key-views'
import { defineRoute, found } from '../../api/api-route.js'
import { readSetting } from '../../auth/settings-store.js'
import { findCompartment, listCompartments } from '../../compartments/compartment-store.js'
import { KeyOperationError } from '../../crypto/crypto-errors.js'
import { listKeyExports } from '../../crypto/key-export-store.js'
import { findKeyJob, latestKeyJobs } from '../../crypto/key-job-store.js'
import { startRotation } from '../../crypto/key-rotation.js'
import { allKeys, listShredded, masterFingerprintsInUse } from '../../crypto/key-store.js'
import { MASTER_ROTATED_AT, SYSTEM_OWNER } from '../../crypto/keyring.js'
import { shredCompartment } from '../../crypto/shred.js'
import { errors } from '../../http/errors.js'
import { presentKeyExport, presentKeyJob } from './key-presenters.js'
import { runInBackground } from './rotation-runner.js'

/** Key errors as API errors (the CLI shows their messages; the API its translated ones). */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof KeyOperationError)) return error
  switch (error.code) {
    case 'rotation_running':
      return errors.rotationRunning()
    case 'keys_destroyed':
      return errors.keysDestroyed()
    case 'blind_index_missing':
      return errors.blindIndexMissing()
    default:
      return error
  }
}

export const keyRoutes = [
  defineRoute({
    method: 'get',
    path: '/keys',
    summary: 'Key versions, rotations and shreds of every compartment, and the key exports made',
    tag: 'keys',
    access: {
      kind: 'policy',
      entity: 'Keys',
      action: 'read',
      // Every owner's keys at once: the rule asks only who the caller is.
      record: () => ({ ownerId: '' }),
    },
    response: keysOverviewView,
    async handle({ app }) {
      const db = app.database.db
      const keys = await allKeys(db)
      const jobs = new Map((await latestKeyJobs(db)).map((j) => [j.owner_id, j]))
      const shredded = new Map((await listShredded(db)).map((s) => [s.owner_id, s.shredded_at]))
      const current = (ownerId: string, purpose: 'data' | 'index') =>
        Math.max(
          0,
          ...keys
            .filter((k) => k.owner_id === ownerId && k.purpose === purpose && !k.retired_at)
            .map((k) => k.version),
        )
      const owner = (id: string, code: string, kind: KeyOwnerView['kind']): KeyOwnerView => {
        const job = jobs.get(id)
        return {
          id,
          code,
          kind,
          dataVersion: current(id, 'data'),
          indexVersion: current(id, 'index'),
          shreddedAt: shredded.get(id) ?? null,
          rotation: job ? presentKeyJob(job) : null,
        }
      }
      const rotatedAt = (await readSetting(db, MASTER_ROTATED_AT)) ?? null
      const since = [...shredded.values()].filter((at) => !rotatedAt || at > rotatedAt).sort()
      return {
        masterFingerprints: await masterFingerprintsInUse(db),
        masterRotationAdvisedSince: since[0] ?? null,
        owners: [
          owner(SYSTEM_OWNER, SYSTEM_OWNER, 'system'),
          ...(await listCompartments(db, 'all')).map((c) => owner(c.id, c.code, c.kind)),
        ],
        exports: (await listKeyExports(db)).map(presentKeyExport),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/keys/:id/rotate',
    summary:
      'Rotate the keys of a compartment (or `system`): new key versions now, re-sealing in the background',
    tag: 'keys',
    access: {
      kind: 'policy',
      entity: 'Keys',
      action: 'manage',
      // A compartment's keys, or Haven's own (`system`); an unknown owner is 404.
      load: async ({ app, params }) =>
        found(
          params.id === SYSTEM_OWNER
            ? SYSTEM_OWNER
            : (await findCompartment(app.database.db, params.id))?.id,
        ),
      record: (ownerId) => ({ ownerId }),
    },
    params: keyOwnerParamsSchema,
    response: keyJobView,
    successStatus: 202,
    errors: ['notFound', 'forbidden', 'keysDestroyed', 'rotationRunning', 'blindIndexMissing'],
    async handle({ app, record: ownerId, audit: ctx }) {
      if ((await listShredded(app.database.db)).some((s) => s.owner_id === ownerId))
        throw errors.keysDestroyed()
      try {
        const { job } = await startRotation(app, ownerId, ctx)
        void runInBackground(app, job.id)
        return presentKeyJob(job)
      } catch (error) {
        throw asHttpError(error)
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/keys/jobs/:id',
    summary: 'Progress of a key rotation',
    tag: 'keys',
    access: {
      kind: 'policy',
      entity: 'Keys',
      action: 'read',
      load: async ({ app, params }) => found(await findKeyJob(app.database.db, params.id)),
      record: (job) => ({ ownerId: job.owner_id }),
    },
    params: keyJobParamsSchema,
    response: keyJobView,
    errors: ['notFound'],
    async handle({ record: job }) {
      return presentKeyJob(job)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/keys/:id/shred',
    summary:
      'Crypto-shred a compartment: destroy its keys for good (re-authentication and its code typed as confirmation)',
    tag: 'keys',
    access: {
      kind: 'policy',
      entity: 'Keys',
      action: 'delete',
      load: async ({ app, params }) => found(await findCompartment(app.database.db, params.id)),
      record: (compartment) => ({ ownerId: compartment.id }),
    },
    reauth: true,
    params: keyOwnerParamsSchema,
    body: shredRequestSchema,
    response: shredResultView,
    errors: ['notFound', 'forbidden', 'reauthRequired', 'confirmationMismatch', 'keysDestroyed'],
    async handle({ app, body, record: compartment, audit: ctx }) {
      if (body.confirmCode !== compartment.code) throw errors.confirmationMismatch()
      try {
        const result = await shredCompartment(app, compartment, {
          actorId: ctx.actorId,
          requestId: ctx.requestId,
          via: 'app',
        })
        return {
          code: compartment.code,
          destroyedKeys: result.destroyedKeys,
          shreddedAt: result.shreddedAt,
          exportsToDestroy: result.exportsToDestroy.map(presentKeyExport),
        }
      } catch (error) {
        throw asHttpError(error)
      }
    },
  }),
]
