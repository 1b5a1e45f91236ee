import { NO_MIGRATIONS } from 'kysely'
import { expect, it } from 'vitest'
import { MIGRATIONS } from '../src/db/migrations/index.js'
import { migrateToLatest, migrationStatus, migratorFor } from '../src/db/migrator.js'
import { describeEachDialect, ownTables } from './support/dialects.js'

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
    const migrator = await migratorFor(db)
    const down = await migrator.migrateTo(NO_MIGRATIONS)
    expect(down.error).toBeUndefined()
    const tables = (await ownTables(ctx.database())).filter(
      (n) => !n.startsWith('haven_migrations'),
    )
    expect(tables).toEqual([])
    expect((await migrateToLatest(db)).length).toBe(Object.keys(MIGRATIONS).length)
  })

  it('apply once when run twice', async () => {
    expect(await migrateToLatest(ctx.database().db)).toEqual([])
  })
})
