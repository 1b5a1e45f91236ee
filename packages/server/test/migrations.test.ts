import { createDisclosureEngine, oneWayTable, parsePeriod } from '@haven/disclosure'
import { Migrator, NO_MIGRATIONS } from 'kysely'
import { expect, it } from 'vitest'
import { migrateToLatest, migrationStatus } from '../src/db/migrator.js'
import { readLedger } from '../src/disclosure/ledger-store.js'
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

  it('copy the latest annual report’s ledger into the shared disclosure ledger', async () => {
    const { db } = ctx.database()
    const names = Object.keys(MIGRATIONS).sort()
    const before = names[names.indexOf('2026-12-07-1220-disclosure-releases') - 1] ?? ''
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      migrationTableName: 'haven_migrations',
      migrationLockTableName: 'haven_migrations_lock',
      ...(ctx.database().schema ? { migrationTableSchema: ctx.database().schema } : {}),
    })
    expect((await migrator.migrateTo(before)).error).toBeUndefined()
    const report = (await createDisclosureEngine()).prepareRelease({
      id: 'annual-report-FY2005',
      title: 'Activity Report FY2005–2006',
      date: '2006-06-30',
      tables: [
        {
          table: oneWayTable({
            id: 'shelters.people.protected',
            measure: 'shelters.people.protected',
            integer: true,
            dimension: { name: 'all', labels: ['all'] },
            values: [1234],
          }),
          context: { population: 'shelters.people.protected', period: parsePeriod('FY2005') },
        },
      ],
    })
    await db
      .insertInto('reports')
      .values({
        fiscal_year: 2005,
        status: 'published',
        template_en: '',
        template_ja: '',
        version: 1,
        last_editor_id: null,
        created_at: '2006-06-01T00:00:00.000Z',
        updated_at: '2006-06-30T00:00:00.000Z',
        correction: 0,
      })
      .execute()
    await db
      .insertInto('report_publications')
      .values({
        fiscal_year: 2005,
        published_at: '2006-06-30T00:00:00.000Z',
        text_en: '',
        text_ja: '',
        figures_json: '[]',
        ledger_json: JSON.stringify({ version: 1, releases: [report.entry] }),
        correction: 0,
      })
      .execute()
    await migrateToLatest(ctx.database(), MIGRATIONS)
    const ledger = await readLedger(db)
    expect(ledger.releases.map((r) => r.id)).toEqual(['annual-report-FY2005'])
    expect(ledger.releases[0]?.figures).toEqual(report.entry.figures)
    await db.deleteFrom('disclosure_releases').execute()
    await db.deleteFrom('report_publications').execute()
    await db.deleteFrom('reports').execute()
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
