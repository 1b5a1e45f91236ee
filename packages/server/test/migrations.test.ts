import { Migrator, NO_MIGRATIONS } from 'kysely'
import { expect, it } from 'vitest'
import { migrateToLatest, migrationStatus } from '../src/db/migrator.js'
import { describeEachDialect, openPostgresForTest } from './support/dialects.js'
import { MIGRATIONS } from './support/migrations.js'

describeEachDialect('migrations', (ctx) => {
  it('are all applied, in name order, and named by date', async () => {
    const status = await migrationStatus(ctx.database(), MIGRATIONS)
    expect(status.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS).sort())
    expect(status.every((m) => m.appliedAt !== null)).toBe(true)
    for (const name of Object.keys(MIGRATIONS))
      expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9-]+$/)
  })

  it('roll all the way down and up again', async () => {
    const { db } = ctx.database()
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      migrationTableName: 'haven_migrations',
      migrationLockTableName: 'haven_migrations_lock',
      ...(ctx.database().schema ? { migrationTableSchema: ctx.database().schema } : {}),
    })
    const down = await migrator.migrateTo(NO_MIGRATIONS)
    expect(down.error).toBeUndefined()
    const tables = (await db.introspection.getTables())
      .filter((t) => ctx.dialect === 'sqlite' || t.schema === ctx.database().schema)
      .map((t) => t.name)
      .filter((n) => !n.startsWith('haven_migrations'))
    expect(tables).toEqual([])
    expect((await migrateToLatest(ctx.database(), MIGRATIONS)).length).toBe(
      Object.keys(MIGRATIONS).length,
    )
  })

  it('apply once when run twice', async () => {
    expect(await migrateToLatest(ctx.database(), MIGRATIONS)).toEqual([])
  })

  it.runIf(ctx.dialect === 'postgres')(
    'migrate a second schema of the same PostgreSQL database on its own, not mistaking this one’s tables for its own',
    async () => {
      const second = await openPostgresForTest()
      try {
        expect((await migrateToLatest(second.database, MIGRATIONS)).length).toBe(
          Object.keys(MIGRATIONS).length,
        )
        expect((await migrationStatus(second.database, MIGRATIONS)).every((m) => m.appliedAt)).toBe(
          true,
        )
      } finally {
        await second.database.close()
        await second.cleanup()
      }
    },
  )
})
