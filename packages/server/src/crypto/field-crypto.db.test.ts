import { sql } from 'kysely'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../test/support/dialects.js'
import { buildCompartment } from '../../test/support/factories.js'
import { testAppContext } from '../../test/support/test-app.js'
import type { AppContext } from '../app-context.js'
import { cryptoContext } from './crypto-context.js'
import { FieldDestroyedError, FieldIntegrityError } from './crypto-errors.js'
import { FieldCrypto } from './field-crypto.js'
import { MasterKey } from './master-key.js'
import { shredOwnerKeys } from './shred.js'

describeEachDialect('field encryption', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })
  const at = (compartmentId: string, recordId = 'rec-1', column = 'names') => ({
    table: 'people',
    column,
    recordId,
    compartmentId,
  })

  it('seals with the compartment key and opens only at the same address', async () => {
    const { db } = ctx.database()
    const c = await buildCompartment(app)
    const sealed = await app.crypto.fields.seal(db, at(c.id), '김영훈 / 金永勲 / Kim Yong-hun')
    expect(sealed).toMatch(/^v1\.1\.[A-Za-z0-9_-]+$/)
    expect(sealed).not.toContain('Kim')
    expect(await app.crypto.fields.open(db, at(c.id), sealed)).toBe(
      '김영훈 / 金永勲 / Kim Yong-hun',
    )
    // Two seals of the same value differ (random nonces): equal names are not visible in ciphertext.
    expect(await app.crypto.fields.seal(db, at(c.id), 'same')).not.toBe(
      await app.crypto.fields.seal(db, at(c.id), 'same'),
    )
  })

  it('refuses, loudly, a tampered value, one moved to another row or column, and an unknown key version', async () => {
    const { db } = ctx.database()
    const c = await buildCompartment(app)
    const other = await buildCompartment(app)
    const sealed = await app.crypto.fields.seal(db, at(c.id), 'Park Ji-won')
    const body = sealed.split('.')[2] ?? ''
    const flipped = `v1.1.${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`
    await expect(app.crypto.fields.open(db, at(c.id), flipped)).rejects.toThrow(FieldIntegrityError)
    await expect(app.crypto.fields.open(db, at(c.id, 'rec-2'), sealed)).rejects.toThrow(
      /does not belong to this record/,
    )
    await expect(app.crypto.fields.open(db, at(c.id, 'rec-1', 'notes'), sealed)).rejects.toThrow(
      FieldIntegrityError,
    )
    await expect(app.crypto.fields.open(db, at(other.id), sealed)).rejects.toThrow(
      FieldIntegrityError,
    )
    await expect(
      app.crypto.fields.open(db, at(c.id), sealed.replace('v1.1.', 'v1.7.')),
    ).rejects.toThrow(/no data key version 7/)
    await expect(app.crypto.fields.open(db, at(c.id), 'Park Ji-won')).rejects.toThrow(
      /not a sealed value/,
    )
  })

  it('opens nothing with a different master key', async () => {
    const { db } = ctx.database()
    const c = await buildCompartment(app)
    const sealed = await app.crypto.fields.seal(db, at(c.id), 'secret name')
    const stranger = cryptoContext(new MasterKey(Buffer.alloc(32, 7), 'test'), () => new Date())
    await expect(stranger.fields.open(db, at(c.id), sealed)).rejects.toThrow(
      /does not open with this master key/,
    )
  })

  it('after a shred, reads that compartment as destroyed — even with the master key — and leaves others alone', async () => {
    const { db } = ctx.database()
    const raided = await buildCompartment(app)
    const safe = await buildCompartment(app)
    const a = await app.crypto.fields.seal(db, at(raided.id), 'Lee Min-ji')
    const b = await app.crypto.fields.seal(db, at(safe.id), 'Choi Su-jin')
    expect(
      await shredOwnerKeys(db, app.crypto.keyring, raided.id, {
        actorId: null,
        at: new Date().toISOString(),
      }),
    ).toBe(2)
    await expect(app.crypto.fields.open(db, at(raided.id), a)).rejects.toThrow(FieldDestroyedError)
    expect(await app.crypto.fields.openOrDestroyed(db, at(raided.id), a)).toEqual({
      destroyed: true,
    })
    // A fresh process with the same master key cannot either: the wrapped keys are gone.
    const fresh = testAppContext(ctx.database())
    expect(await fresh.crypto.fields.openOrDestroyed(db, at(raided.id), a)).toEqual({
      destroyed: true,
    })
    expect(await fresh.crypto.fields.open(db, at(safe.id), b)).toBe('Choi Su-jin')
    await expect(fresh.crypto.fields.seal(db, at(raided.id), 'new')).rejects.toThrow(
      FieldDestroyedError,
    )
  })

  it('stores keys only wrapped: no key bytes and no master key in the database', async () => {
    const { db } = ctx.database()
    await buildCompartment(app)
    const rows = await db.selectFrom('key_store').selectAll().execute()
    expect(rows.length).toBe(2)
    const dump = JSON.stringify(rows)
    expect(dump).not.toContain(app.crypto.master.bytes().toString('base64'))
    expect(dump).not.toContain(app.crypto.master.bytes().toString('base64url'))
    expect(rows.every((r) => r.master_fingerprint === app.crypto.master.fingerprint())).toBe(true)
  })

  it('blind-indexes names so each script variant finds the record and a similar name does not', async () => {
    const { db } = ctx.database()
    const c = await buildCompartment(app)
    const stored = new Set<string>()
    for (const variant of ['김영훈', '金永勲', 'キム・ヨンフン', 'Kim Yong-hun']) {
      for (const t of await app.crypto.fields.indexTerms(db, c.id, variant)) stored.add(t.term)
    }
    const finds = async (q: string) =>
      (await app.crypto.fields.queryTerms(db, c.id, q)).some((t) => stored.has(t))
    for (const q of ['김영훈', '金永勲', 'きむよんふん', 'ｷﾑ ﾖﾝﾌﾝ', 'kim yong-hun', 'KIM', 'Yong'])
      expect(await finds(q), q).toBe(true)
    for (const q of ['김영수', '金永三', 'Kim Young-hoon', 'Kimura'])
      expect(await finds(q), q).toBe(false)
    // Terms are keyed per compartment: the same name indexes differently elsewhere.
    const elsewhere = await buildCompartment(app)
    const there = await app.crypto.fields.queryTerms(db, elsewhere.id, 'Kim Yong-hun')
    expect(there.some((t) => stored.has(t))).toBe(false)
  })

  it('seals several fields of a record as one value, bound to its column and record like any other', async () => {
    const { db } = ctx.database()
    const c = await buildCompartment(app)
    const fields = { names: '山田花子 / Yamada Hanako', birthDate: '1987-04-02', phones: null }
    const sealed = await app.crypto.fields.sealFields(db, at(c.id, 'rec-1', 'identity'), fields)
    expect(sealed).not.toContain('Yamada')
    expect(await app.crypto.fields.openFields(db, at(c.id, 'rec-1', 'identity'), sealed)).toEqual(
      fields,
    )
    await expect(
      app.crypto.fields.openFields(db, at(c.id, 'rec-2', 'identity'), sealed),
    ).rejects.toThrow(FieldIntegrityError)
    const plain = await app.crypto.fields.seal(db, at(c.id, 'rec-1', 'identity'), '"just text"')
    await expect(
      app.crypto.fields.openFields(db, at(c.id, 'rec-1', 'identity'), plain),
    ).rejects.toThrow(/does not hold sealed fields/)
  })

  it('seals authenticator seeds with the system key', async () => {
    const { db } = ctx.database()
    const sealed = await app.crypto.fields.seal(
      db,
      { table: 'totp_factors', column: 'secret', recordId: 'u1', compartmentId: 'system' },
      'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    )
    expect(FieldCrypto.versionOf(sealed)).toBe(1)
    const keys = await sql<{
      n: number
    }>`select count(*) as n from key_store where owner_id = 'system'`.execute(db)
    expect(Number(keys.rows[0]?.n)).toBe(2)
  })
})
