import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely'
import { describe, expect, it } from 'vitest'
import type { Database } from '../db/schema.js'
import { PublicSiteQueryRefused, PublishedTablesOnly } from './published-db.js'

// A database that compiles queries but never runs them: the guard acts before anything is sent.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
}).withPlugin(new PublishedTablesOnly())

const refused = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return false
  } catch (error) {
    return error instanceof PublicSiteQueryRefused
  }
}

describe('the public site’s database guard', () => {
  it('lets reads of published tables through', async () => {
    expect(await refused(() => db.selectFrom('site_documents').selectAll().execute())).toBe(false)
    expect(
      await refused(() =>
        sql`select s.id from site_search s where s.id in (select rowid from site_search_fts)`.execute(
          db,
        ),
      ),
    ).toBe(false)
  })

  it.each([
    ['a draft', () => db.selectFrom('cms_documents').selectAll().execute()],
    ['a message', () => db.selectFrom('contact_messages').selectAll().execute()],
    [
      'keys by join',
      () =>
        db
          .selectFrom('site_documents')
          .innerJoin('key_store', 'key_store.id', 'site_documents.id')
          .selectAll()
          .execute(),
    ],
    [
      'users in a subquery',
      () =>
        db
          .selectFrom('site_documents')
          .where('id', 'in', db.selectFrom('users').select('id'))
          .selectAll()
          .execute(),
    ],
    ['an alias', () => db.selectFrom('sessions as site_documents').selectAll().execute()],
    ['raw SQL', () => sql`select * from audit_log`.execute(db)],
    ['raw SQL, quoted', () => sql`select * from "compartments"`.execute(db)],
    ['a write', () => db.deleteFrom('site_documents').execute()],
    [
      'an insert',
      () => db.insertInto('site_state').values({ id: 2, version: 1, updated_at: '' }).execute(),
    ],
    ['raw write', () => sql`update site_state set version = 0`.execute(db)],
  ])('refuses %s', async (_what, run) => {
    expect(await refused(run)).toBe(true)
  })
})
