import { NO_MIGRATIONS, sql } from 'kysely'
import { expect, it } from 'vitest'
import { MIGRATIONS } from '../src/db/migrations/index.js'
import { migrateToLatest, migrationStatus, migratorFor } from '../src/db/migrator.js'
import { describeEachDialect, openPostgresForTest } from './support/dialects.js'

describeEachDialect('migrations', (ctx) => {
  it('are all applied, in name order, and named by date', async () => {
    const status = await migrationStatus(ctx.database().db)
    expect(status.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS).sort())
    expect(status.every((m) => m.appliedAt !== null)).toBe(true)
    for (const name of Object.keys(MIGRATIONS))
      expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9-]+$/)
  })

  it('roll all the way down and up again', async () => {
    const { db } = ctx.database()
    const down = await (await migratorFor(db)).migrateTo(NO_MIGRATIONS)
    expect(down.error).toBeUndefined()
    // Introspection lists every schema's tables; other test files have theirs in this database.
    const schema =
      ctx.dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
        : undefined
    const tables = (await db.introspection.getTables())
      .filter((t) => schema === undefined || t.schema === schema)
      .map((t) => t.name)
      .filter((n) => !n.startsWith('haven_migrations'))
    expect(tables).toEqual([])
    expect((await migrateToLatest(db)).length).toBe(Object.keys(MIGRATIONS).length)
  })

  it('apply once when run twice', async () => {
    expect(await migrateToLatest(ctx.database().db)).toEqual([])
  })

  it.runIf(ctx.dialect === 'postgres')(
    'migrate a second schema of the same PostgreSQL database on its own, not mistaking this one’s tables for its own',
    async () => {
      const second = await openPostgresForTest()
      try {
        expect((await migrateToLatest(second.database.db)).length).toBe(
          Object.keys(MIGRATIONS).length,
        )
        expect((await migrationStatus(second.database.db)).every((m) => m.appliedAt)).toBe(true)
      } finally {
        await second.database.close()
        await second.cleanup()
      }
    },
  )
})
