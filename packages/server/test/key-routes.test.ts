import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { rotateMasterKey } from '../src/cli/master-rotation.js'
import { prepareKeyExport } from '../src/crypto/key-export.js'
import { backgroundRotations } from '../src/modules/keys/rotation-runner.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import {
  createScratchTables,
  declareScratchPeople,
  insertScratchPerson,
  scratchAddress,
  scratchRows,
} from './support/scratch-people.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

let undeclare: () => void
beforeAll(() => {
  undeclare = declareScratchPeople()
})
afterAll(() => undeclare())

describeEachDialect('key routes', (ctx) => {
  let app: AppContext
  let headers: Record<string, string>
  let adminId: string
  beforeAll(async () => {
    await createScratchTables(ctx.database().db)
  })
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    const admin = await buildUser(app, {
      grants: [{ role: 'administrator', compartmentId: null }],
    })
    adminId = admin.id
    headers = (await signIn(app, admin)).headers
  })
  const call = (method: string, path: string, body?: unknown) =>
    testApps(app).staff.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers } : jsonRequest(method, body, headers),
    )

  it('lists every compartment with its key versions, rotates one in the background with progress, and keeps its fields readable', async () => {
    const c = await buildCompartment(app, 'JRL-01')
    const id = await insertScratchPerson(app, c.id, { names: '김영훈 / Kim Yong-hun' })
    const overview = await (await call('GET', '/keys')).json()
    expect(overview.owners.map((o: { code: string }) => o.code)).toEqual(['system', 'JRL-01'])
    expect(overview.owners[1]).toMatchObject({ dataVersion: 1, indexVersion: 1, shreddedAt: null })

    const started = await call('POST', `/keys/${c.id}/rotate`)
    expect(started.status).toBe(202)
    const job = await started.json()
    expect(job).toMatchObject({ status: 'running', dataVersion: 2, total: 1 })
    await backgroundRotations(app)
    const finished = await (await call('GET', `/keys/jobs/${job.id}`)).json()
    expect(finished).toMatchObject({ status: 'done', done: 1, total: 1, error: null })
    const after = await (await call('GET', '/keys')).json()
    expect(after.owners[1]).toMatchObject({ dataVersion: 2, rotation: { status: 'done' } })
    const row = (await scratchRows(ctx.database().db, c.id))[0]
    expect(
      await app.crypto.fields.open(
        ctx.database().db,
        scratchAddress(c.id, id, 'names'),
        row?.names ?? '',
      ),
    ).toBe('김영훈 / Kim Yong-hun')
    expect((await call('POST', '/keys/nope/rotate')).status).toBe(404)
  })

  it('shreds only with the code typed, reports the key exports that still hold the keys, and is audited', async () => {
    const c = await buildCompartment(app, 'YAN-02')
    const { record } = await prepareKeyExport(app, {
      actorId: null,
      requestId: null,
      protection: 'passphrase',
    })
    const wrong = await call('POST', `/keys/${c.id}/shred`, { confirmCode: 'YAN-03' })
    expect(wrong.status).toBe(422)
    expect((await wrong.json()).error.code).toBe('confirmation_mismatch')
    expect((await (await call('GET', '/keys')).json()).owners[1].dataVersion).toBe(1)

    const shred = await call('POST', `/keys/${c.id}/shred`, { confirmCode: 'YAN-02' })
    expect(shred.status).toBe(200)
    const result = await shred.json()
    expect(result).toMatchObject({ code: 'YAN-02', destroyedKeys: 2 })
    expect(result.exportsToDestroy.map((e: { fingerprint: string }) => e.fingerprint)).toEqual([
      record.key_set_fingerprint,
    ])
    const entry = await ctx
      .database()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'compartment.shredded')
      .executeTakeFirstOrThrow()
    expect(entry.actor_id).toBe(adminId)
    expect(JSON.parse(entry.details)).toMatchObject({ code: 'YAN-02', via: 'app' })

    const overview = await (await call('GET', '/keys')).json()
    expect(overview.owners[1]).toMatchObject({ dataVersion: 0, indexVersion: 0 })
    expect(overview.owners[1].shreddedAt).toBe(result.shreddedAt)
    const again = await call('POST', `/keys/${c.id}/shred`, { confirmCode: 'YAN-02' })
    expect((await again.json()).error.code).toBe('keys_destroyed')
    const rotate = await call('POST', `/keys/${c.id}/rotate`)
    expect(rotate.status).toBe(409)
    expect((await rotate.json()).error.code).toBe('keys_destroyed')
  })

  it('advises rotating the master key after a shred, until it is rotated', async () => {
    const c = await buildCompartment(app, 'YAN-03')
    expect((await (await call('GET', '/keys')).json()).masterRotationAdvisedSince).toBeNull()
    const shred = await (
      await call('POST', `/keys/${c.id}/shred`, { confirmCode: 'YAN-03' })
    ).json()
    const advised = await (await call('GET', '/keys')).json()
    expect(advised.masterRotationAdvisedSince).toBe(shred.shreddedAt)

    const out = join(mkdtempSync(join(tmpdir(), 'haven-master-')), 'new.key')
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      await rotateMasterKey(app, app.config, { fromFile: false, newKeyOut: out }, null)
    } finally {
      log.mockRestore()
    }
    expect((await (await call('GET', '/keys')).json()).masterRotationAdvisedSince).toBeNull()
  })
})
