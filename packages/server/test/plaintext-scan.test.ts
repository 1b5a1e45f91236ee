import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { createLogger } from '../src/server/logger.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

/** Names in Hangul, Japanese (kanji and kana) and Latin script, and other identifying text. */
const SECRETS = [
  '리영순',
  '金 永勲',
  'キム・ヨンフン',
  'Ri Yong-sun',
  'Nakamura Aiko',
  'なかむら あいこ',
  'Hoeryong',
  '+86 433 555 0199',
  'sister works at the market',
]

/** Every encoding a careless write might leave a name in: UTF-8 and UTF-16 (LE), whole and in part. */
function needles(secret: string): Buffer[] {
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')]
}

function findSecrets(haystack: Buffer, where: string): string[] {
  return SECRETS.flatMap((secret) =>
    needles(secret)
      .filter((n) => haystack.includes(n))
      .map(() => `${secret} in ${where}`),
  )
}

describeEachDialect('no identifying value reaches the disk or the logs in clear', (ctx) => {
  it('after creating, searching, revealing and exporting people through the API', async () => {
    await ctx.reset()
    const logged: Buffer[] = []
    const logger = createLogger(
      'trace',
      new Writable({
        write: (chunk, _enc, done) => {
          logged.push(Buffer.from(chunk))
          done()
        },
      }),
    )
    const app = testAppContext(ctx.database(), { logger })
    const compartment = await buildCompartment(app)
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: compartment.id }],
    })
    const { headers } = await signIn(app, worker)
    const call = (method: string, path: string, body?: unknown) =>
      testApps(app).staff.request(`/api/v1${path}`, {
        method,
        headers: { ...headers, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })

    const created = await call('POST', '/people', {
      compartmentId: compartment.id,
      identity: {
        names: [
          { script: 'hangul', value: '리영순' },
          { script: 'hanzi', value: '金 永勲' },
          { script: 'kana', value: 'キム・ヨンフン' },
          { script: 'latin', value: 'Ri Yong-sun' },
        ],
        placeOfOrigin: 'Hoeryong',
        phones: ['+86 433 555 0199'],
        notes: 'sister works at the market',
      },
    })
    expect(created.status).toBe(201)
    const person = await created.json()
    await call('POST', '/people', {
      compartmentId: compartment.id,
      identity: {
        names: [
          { script: 'latin', value: 'Nakamura Aiko' },
          { script: 'kana', value: 'なかむら あいこ' },
        ],
      },
    })
    const kase = await (
      await call('POST', '/cases', {
        personId: person.id,
        type: 'protection',
        openedOn: '2026-01-02',
        summary: 'sister works at the market',
      })
    ).json()
    await call('POST', `/cases/${kase.id}/entries`, {
      kind: 'note',
      occurredOn: '2026-01-03',
      text: 'Ri Yong-sun moved; Nakamura Aiko informed',
    })
    for (const q of ['리영순', 'Ri Yong-sun', 'キム', 'Nakamura Aiko'])
      expect((await call('GET', `/people?q=${encodeURIComponent(q)}`)).status).toBe(200)
    expect(
      (await (await call('POST', `/people/${person.id}/reveal`)).json()).identity.names,
    ).toHaveLength(4)
    expect((await call('POST', '/exports/people', { compartmentId: compartment.id })).status).toBe(
      200,
    )

    const found: string[] = []
    found.push(...findSecrets(Buffer.concat(logged), 'the logs'))
    if (ctx.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(ctx.database().db)
      const file = ctx.database().file ?? ''
      for (const path of [file, `${file}-wal`, `${file}-shm`])
        if (existsSync(path))
          found.push(...findSecrets(readFileSync(path), path.split('/').at(-1) ?? path))
    } else {
      const url = process.env.HAVEN_TEST_PG_URL ?? ''
      const dump = spawnSync('pg_dump', ['--schema', ctx.database().schema ?? 'public', url], {
        maxBuffer: 256 * 1024 * 1024,
      })
      if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`)
      expect(dump.stdout.includes('people')).toBe(true)
      found.push(...findSecrets(dump.stdout, 'the PostgreSQL dump'))
    }
    expect(found).toEqual([])
    // The scan can see: the same names do appear where they should — in what the API returned.
    expect(
      Buffer.from(
        JSON.stringify(await (await call('POST', `/people/${person.id}/reveal`)).json()),
      ).includes(Buffer.from('리영순')),
    ).toBe(true)
  })
})
