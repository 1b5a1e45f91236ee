import { type KyselyPlugin, sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { type HavenDatabase, openDatabase } from '../src/db/database.js'
import { runDemo } from '../src/demo/run-demo.js'
import { referencedTables } from '../src/site/published-db.js'
import { PUBLISHED_TABLES } from '../src/site/site-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { PAGE_TYPES } from './support/site-pages.js'
import { testAppContext, testApps } from './support/test-app.js'

const EXTRA = [
  '/en/feed.xml',
  '/ja/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
  '/ja/nothing-here',
  '/en/news/?page=1',
]

/**
 * The public site cannot read drafts, messages, people or keys: proved two ways. Every query it
 * sends while serving every page type is recorded and names published tables only (both
 * databases); and on PostgreSQL the site runs under a role that may read nothing else.
 */
describeEachDialect('the public site reads published content only', (ctx) => {
  let app: AppContext
  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    await runDemo(app)
  })

  it('sends no query naming any other table, for any page', async () => {
    const seen = new Set<string>()
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        for (const table of referencedTables(args.node)) seen.add(table)
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    const database = ctx.database()
    const recorded: AppContext = {
      ...app,
      database: { ...database, db: database.db.withPlugin(recorder) },
    }
    for (const [, path] of [...PAGE_TYPES, ...EXTRA.map((p) => ['', p] as const)]) {
      const res = await testApps(recorded).site.request(path)
      expect(res.status, path).toBeLessThan(500)
    }
    expect(seen.size).toBeGreaterThan(2)
    expect([...seen].filter((t) => !PUBLISHED_TABLES.includes(t))).toEqual([])
  })

  it('serves every page under a database role that may only read the published tables', async () => {
    if (ctx.dialect !== 'postgres') return
    const admin = ctx.database().db
    const schema =
      (await sql<{ s: string }>`select current_schema() as s`.execute(admin)).rows[0]?.s ?? ''
    const role = `haven_site_${Math.random().toString(36).slice(2, 10)}`
    await sql`create role ${sql.id(role)} login`.execute(admin)
    await sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`.execute(admin)
    for (const table of PUBLISHED_TABLES.filter((t) => t !== 'site_search_fts'))
      await sql`grant select on ${sql.id(table)} to ${sql.id(role)}`.execute(admin)
    const url = new URL(process.env.HAVEN_TEST_PG_URL ?? '')
    url.username = role
    url.password = ''
    let readOnly: HavenDatabase | undefined
    try {
      readOnly = await openDatabase(
        { kind: 'postgres', url: url.toString(), poolSize: 2 },
        { schema },
      )
      const restricted: AppContext = { ...app, database: readOnly }
      // The control: this role really cannot read a draft or a message.
      await expect(sql`select count(*) from cms_documents`.execute(readOnly.db)).rejects.toThrow(
        /permission denied/,
      )
      await expect(sql`select count(*) from contact_messages`.execute(readOnly.db)).rejects.toThrow(
        /permission denied/,
      )
      for (const [, path] of [...PAGE_TYPES, ...EXTRA.map((p) => ['', p] as const)]) {
        const res = await testApps(restricted).site.request(path)
        expect(res.status, path).toBeLessThan(500)
      }
    } finally {
      await readOnly?.close()
      await sql`drop owned by ${sql.id(role)}`.execute(admin)
      await sql`drop role ${sql.id(role)}`.execute(admin)
    }
  })
})
