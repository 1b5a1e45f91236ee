import { sql } from 'kysely'
import { beforeEach, expect, it } from 'vitest'
import { parseCheckpoint } from '../src/audit/audit-chain.js'
import { appendAudit } from '../src/audit/audit-log.js'
import { countAuditRows, lastAuditRow } from '../src/audit/audit-store.js'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import type { HavenDatabase } from '../src/db/database.js'
import { describeEachDialect } from './support/dialects.js'

/** What an attacker with database access does first: remove the append-only triggers. */
async function dropAuditGuards(database: HavenDatabase) {
  if (database.dialect === 'postgres')
    await sql`drop trigger audit_log_append_only on audit_log`.execute(database.db)
  else {
    await sql`drop trigger audit_log_no_update`.execute(database.db)
    await sql`drop trigger audit_log_no_delete`.execute(database.db)
  }
}

async function restoreAuditGuards(database: HavenDatabase) {
  if (database.dialect === 'postgres') {
    await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function haven_audit_append_only()`.execute(
      database.db,
    )
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      database.db,
    )
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      database.db,
    )
  }
}

describeEachDialect('audit log tamper evidence', (ctx) => {
  const writer = () => ({
    dialect: ctx.database().dialect,
    now: () => new Date('2026-11-26T12:00:00Z'),
  })

  beforeEach(async () => {
    await ctx.reset()
    await appendAudit(
      ctx.database().db,
      writer(),
      Array.from({ length: 8 }, (_, i) => ({
        actorId: `user-${i % 3}`,
        action: i % 2 ? 'person.identity_read' : 'auth.login',
        entityType: 'Person',
        entityId: `p-${i}`,
        details: { n: i },
      })),
    )
  })

  it('verifies an untouched chain and refuses updates and deletes at the database', async () => {
    const { db } = ctx.database()
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, count: 8 })
    await expect(sql`update audit_log set action = 'x' where seq = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_log where seq = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    )
  })

  it('catches an edited entry', async () => {
    const database = ctx.database()
    await dropAuditGuards(database)
    await sql`update audit_log set actor_id = 'someone-else' where seq = 4`.execute(database.db)
    await restoreAuditGuards(database)
    expect(await verifyAuditLog(database.db)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: expect.stringContaining('edited'),
    })
  })

  it('catches a deleted entry', async () => {
    const database = ctx.database()
    await dropAuditGuards(database)
    await sql`delete from audit_log where seq = 5`.execute(database.db)
    await restoreAuditGuards(database)
    expect(await verifyAuditLog(database.db)).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      problem: expect.stringContaining('missing'),
    })
  })

  it('catches a deletion renumbered to hide the gap', async () => {
    const database = ctx.database()
    await dropAuditGuards(database)
    await sql`delete from audit_log where seq = 5`.execute(database.db)
    for (const seq of [6, 7, 8])
      await sql`update audit_log set seq = ${seq - 1} where seq = ${seq}`.execute(database.db)
    await restoreAuditGuards(database)
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, firstBadSeq: 5 })
  })

  it('catches two entries swapped (reordered)', async () => {
    const database = ctx.database()
    await dropAuditGuards(database)
    await sql`update audit_log set seq = 1000 where seq = 2`.execute(database.db)
    await sql`update audit_log set seq = 2 where seq = 3`.execute(database.db)
    await sql`update audit_log set seq = 3 where seq = 1000`.execute(database.db)
    await restoreAuditGuards(database)
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, firstBadSeq: 2 })
  })

  it('catches an inserted entry', async () => {
    const database = ctx.database()
    const last = await lastAuditRow(database.db)
    await dropAuditGuards(database)
    for (let seq = 8; seq >= 4; seq--)
      await sql`update audit_log set seq = ${seq + 1} where seq = ${seq}`.execute(database.db)
    await sql`insert into audit_log (seq, at, actor_id, action, outcome, details, prev_hash, hash) values (4, '2026-11-26T12:00:00.000Z', 'forger', 'auth.login', 'success', '{}', ${last?.hash ?? ''}, ${last?.hash ?? ''})`.execute(
      database.db,
    )
    await restoreAuditGuards(database)
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, firstBadSeq: 4 })
  })

  it('with a checkpoint, catches entries cut from the end and accepts a log that grew', async () => {
    const database = ctx.database()
    const last = await lastAuditRow(database.db)
    const checkpoint = parseCheckpoint(`${await countAuditRows(database.db)}:${last?.hash}`)
    if (!checkpoint) throw new Error('checkpoint did not parse')
    await appendAudit(database.db, writer(), [{ actorId: 'user-1', action: 'auth.logout' }])
    expect(await verifyAuditLog(database.db, { checkpoint })).toMatchObject({
      ok: true,
      checkpoint: 'extended',
      count: 9,
    })
    await dropAuditGuards(database)
    await sql`delete from audit_log where seq >= 7`.execute(database.db)
    await restoreAuditGuards(database)
    // Without the checkpoint a truncated tail looks like a shorter, valid log…
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 6 })
    // …with it, the cut is found.
    expect(await verifyAuditLog(database.db, { checkpoint })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('deleted from its end'),
    })
  })

  it('keeps one valid chain under concurrent appends', async () => {
    const { db } = ctx.database()
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(db, writer(), [{ actorId: 'u', action: 'concurrent', details: { i } }]),
      ),
    )
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, count: 28 })
  })
})
