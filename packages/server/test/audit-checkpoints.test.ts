import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { chainHash, GENESIS_HASH } from '../src/audit/audit-chain.js'
import {
  checkpointIfDue,
  databaseWitness,
  judgeWitnesses,
  readCheckpointFile,
} from '../src/audit/audit-checkpoints.js'
import { appendAudit } from '../src/audit/audit-log.js'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import { CheckpointSigner } from '../src/audit/checkpoint-signer.js'
import { listCheckpoints } from '../src/audit/checkpoint-store.js'
import type { HavenDatabase } from '../src/db/database.js'
import { describeEachDialect } from './support/dialects.js'
import { TEST_MASTER_KEY, testAppContext } from './support/test-app.js'

const GUARDS = {
  postgres: [
    ['audit_log_append_only', 'audit_log', 'haven_audit_append_only'],
    ['audit_checkpoints_append_only', 'audit_checkpoints', 'haven_audit_checkpoints_append_only'],
  ],
  sqlite: [
    ['audit_log_no_update', 'audit_log', 'update'],
    ['audit_log_no_delete', 'audit_log', 'delete'],
    ['audit_checkpoints_no_update', 'audit_checkpoints', 'update'],
    ['audit_checkpoints_no_delete', 'audit_checkpoints', 'delete'],
  ],
} as const

/** What someone who took over the database does: lift the append-only guards of both tables. */
async function dropGuards(database: HavenDatabase) {
  for (const [name, table] of GUARDS[database.dialect])
    await sql`drop trigger if exists ${sql.id(name)}${database.dialect === 'postgres' ? sql` on ${sql.id(table)}` : sql``}`.execute(
      database.db,
    )
}

/** Puts the guards back, for the next test. */
async function restoreGuards(database: HavenDatabase) {
  await dropGuards(database)
  if (database.dialect === 'postgres')
    for (const [name, table, fn] of GUARDS.postgres)
      await sql`create trigger ${sql.id(name)} before update or delete on ${sql.id(table)} for each row execute function ${sql.id(fn)}()`.execute(
        database.db,
      )
  else
    for (const [name, table, op] of GUARDS.sqlite)
      await sql`create trigger ${sql.id(name)} before ${sql.raw(op)} on ${sql.id(table)} begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(
        database.db,
      )
}

/**
 * Routine checkpoints make a cut tail or a rewritten log detectable without anyone remembering to
 * take one: signed (so the database cannot make new ones) and copied to a file outside it.
 */
describeEachDialect('routine audit checkpoints', (ctx) => {
  let now: Date
  let app: AppContext
  let file: string
  beforeEach(async () => {
    await ctx.reset()
    now = new Date('2026-12-06T09:00:00Z')
    file = join(mkdtempSync(join(tmpdir(), 'haven-checkpoints-')), 'checkpoints.log')
    app = testAppContext(ctx.database(), {
      now: () => now,
      env: {
        AUDIT_CHECKPOINT_ENTRIES: '5',
        AUDIT_CHECKPOINT_HOURS: '24',
        AUDIT_CHECKPOINT_FILE: file,
      },
    })
  })

  afterEach(() => restoreGuards(ctx.database()))

  const log = (n: number) =>
    appendAudit(
      ctx.database().db,
      { dialect: ctx.database().dialect, now: () => now },
      Array.from({ length: n }, (_, i) => ({ actorId: 'u', action: 'auth.login', details: { i } })),
    )
  const witnesses = async () => [
    ...(await listCheckpoints(ctx.database().db)).map(databaseWitness),
    ...readCheckpointFile(file).witnesses,
  ]
  const signer = () => new CheckpointSigner(TEST_MASTER_KEY)

  it('writes one when due: at first, after 5 entries, after 24 hours — and once, however many servers ask', async () => {
    expect(await checkpointIfDue(app)).toMatchObject({ seq: 0, hash: GENESIS_HASH })
    expect(await checkpointIfDue(app)).toBeNull()
    await log(4)
    expect(await checkpointIfDue(app)).toBeNull()
    await log(1)
    expect(await checkpointIfDue(app)).toMatchObject({ seq: 5 })
    now = new Date(now.getTime() + 24 * 3_600_000)
    const asked = await Promise.all(Array.from({ length: 10 }, () => checkpointIfDue(app)))
    expect(asked.filter((r) => r !== null)).toHaveLength(1)

    const stored = await listCheckpoints(ctx.database().db)
    expect(stored.map((c) => c.seq)).toEqual([0, 5, 5])
    expect(
      stored.every((c) => signer().verify({ count: c.seq, hash: c.hash, at: c.at }, c.signature)),
    ).toBe(true)
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(readCheckpointFile(file).witnesses.map((w) => [w.count, w.hash, w.at])).toEqual(
      stored.map((c) => [c.seq, c.hash, c.at]),
    )
    const judged = judgeWitnesses(await witnesses(), signer())
    expect(judged).toMatchObject({ forged: [], unchecked: [] })
    expect(judged.binding).toHaveLength(6)
    expect(await verifyAuditLog(ctx.database().db, { checkpoints: judged.binding })).toMatchObject({
      ok: true,
      count: 5,
      checkpoint: 'extended',
    })
    await expect(sql`delete from audit_checkpoints`.execute(ctx.database().db)).rejects.toThrow(
      /append-only/,
    )
  })

  it('catches a cut tail even when the checkpoints after the cut are deleted too', async () => {
    await log(3)
    await checkpointIfDue(app, { force: true })
    await log(5)
    await checkpointIfDue(app)
    const database = ctx.database()
    await dropGuards(database)
    await sql`delete from audit_log where seq > 3`.execute(database.db)
    await sql`delete from audit_checkpoints where seq > 3`.execute(database.db)

    // What is left in the database is consistent with itself…
    const inDatabase = judgeWitnesses(
      (await listCheckpoints(database.db)).map(databaseWitness),
      signer(),
    )
    expect(await verifyAuditLog(database.db, { checkpoints: inDatabase.binding })).toMatchObject({
      ok: true,
      count: 3,
    })
    // …but the file outside it remembers entry 8.
    const all = judgeWitnesses(await witnesses(), signer())
    expect(await verifyAuditLog(database.db, { checkpoints: all.binding })).toMatchObject({
      ok: false,
      problem:
        'the log has 3 entries but a checkpoint names entry 8: entries were deleted from its end',
    })
  })

  it('catches a chain rewritten from the start, and a checkpoint forged to match it', async () => {
    await log(4)
    await checkpointIfDue(app, { force: true })
    const database = ctx.database()
    await dropGuards(database)
    // Rewrite every entry (here: who did it) and recompute the whole chain, as a careful attacker would.
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
    let prev = GENESIS_HASH
    for (const row of rows) {
      const fields = {
        seq: row.seq,
        at: row.at,
        actorId: 'someone-else',
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        compartmentId: row.compartment_id,
        outcome: row.outcome,
        requestId: row.request_id,
        details: row.details,
      }
      const hash = chainHash(prev, fields)
      await database.db
        .updateTable('audit_log')
        .set({ actor_id: 'someone-else', prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute()
      prev = hash
    }
    // Without checkpoints the rewritten chain is valid…
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 4 })
    // …with the signed one in the database, it is not.
    const judged = judgeWitnesses(
      (await listCheckpoints(database.db)).map(databaseWitness),
      signer(),
    )
    expect(await verifyAuditLog(database.db, { checkpoints: judged.binding })).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'entry 4 differs from the checkpoint: the log was rewritten up to here',
    })
    // Replacing the checkpoint needs the master key: one made without it is named a forgery.
    await sql`delete from audit_checkpoints`.execute(database.db)
    await database.db
      .insertInto('audit_checkpoints')
      .values({
        id: 'forged',
        seq: 4,
        hash: prev,
        at: now.toISOString(),
        signer: signer().id,
        signature: new CheckpointSigner(Buffer.alloc(32, 7)).sign({
          count: 4,
          hash: prev,
          at: now.toISOString(),
        }),
      })
      .execute()
    const forged = judgeWitnesses(
      (await listCheckpoints(database.db)).map(databaseWitness),
      signer(),
    )
    expect(forged.forged.map((w) => w.count)).toEqual([4])
    expect(forged.binding).toEqual([])
  })
})
