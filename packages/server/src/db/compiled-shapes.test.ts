import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { compiledShape } from './compiled-shapes.js'

interface Db {
  items: { id: string; kind: string; rank: number }
}

function database(): Kysely<Db> {
  const sqlite = new SQLite(':memory:')
  sqlite.exec(
    "create table items (id text primary key, kind text, rank integer); insert into items values ('a', 'x', 1), ('b', 'x', 2), ('c', 'y', 3)",
  )
  return new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) })
}

const ids = async (db: Kysely<Db>, query: ReturnType<typeof compiledShape>) =>
  (await db.executeQuery<{ id: string }>(query)).rows.map((r) => r.id)

describe('compiled query shapes', () => {
  it('binds each call’s own values into the SQL compiled the first time', async () => {
    const db = database()
    let builds = 0
    const byKind = (kind: string, limit: number) =>
      compiledShape(db, 'test.kind', [kind, limit], ([k, l]) => {
        builds += 1
        return db
          .selectFrom('items')
          .select('id')
          .where('kind', '=', String(k))
          .orderBy('rank')
          .limit(Number(l))
      })
    expect(await ids(db, byKind('x', 10))).toEqual(['a', 'b'])
    expect(await ids(db, byKind('y', 10))).toEqual(['c'])
    expect(await ids(db, byKind('x', 1))).toEqual(['a'])
    expect(builds).toBe(1)
    await db.destroy()
  })

  it('never reuses a shape whose values are rewritten or that binds a value of its own', async () => {
    const db = database()
    let builds = 0
    // A prefix turned into a pattern: the stand-in does not come back unchanged.
    const byPrefix = (prefix: string) =>
      compiledShape(db, 'test.prefix', [prefix], ([p]) => {
        builds += 1
        return db
          .selectFrom('items')
          .select('id')
          .where('id', 'like', `${String(p)}%`)
      })
    expect(await ids(db, byPrefix('a'))).toEqual(['a'])
    expect(await ids(db, byPrefix('b'))).toEqual(['b'])
    // A value taken from outside the values: it would be frozen into the first call's query.
    let outside = 'x'
    const byOutside = () =>
      compiledShape(db, 'test.outside', [], () => {
        builds += 1
        return db.selectFrom('items').select('id').where('kind', '=', outside)
      })
    expect(await ids(db, byOutside())).toEqual(['a', 'b'])
    outside = 'y'
    expect(await ids(db, byOutside())).toEqual(['c'])
    // Each call built its own query (the first call of each shape once more, to learn it).
    expect(builds).toBe(6)
    await db.destroy()
  })
})
