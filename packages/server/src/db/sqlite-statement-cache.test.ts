import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cachingStatements } from './sqlite-statement-cache.js'

describe('SQLite statement cache', () => {
  it('reuses a statement for the same SQL, and never one that is still being iterated', () => {
    const sqlite = new SQLite(':memory:')
    const db = cachingStatements(sqlite, 2)
    const sql = 'select 1 as a union all select 2'
    const first = db.prepare(sql)
    expect(db.prepare(sql)).toBe(first)
    const iterating = (first as unknown as SQLite.Statement).iterate()
    iterating.next()
    const other = db.prepare(sql)
    expect(other).not.toBe(first)
    expect((other as unknown as SQLite.Statement).all()).toEqual([{ a: 1 }, { a: 2 }])
    iterating.return?.()
    expect(db.prepare(sql)).toBe(first)
    db.close()
  })

  it('keeps only the most recently used', () => {
    const sqlite = new SQLite(':memory:')
    const db = cachingStatements(sqlite, 2)
    const one = db.prepare('select 1')
    db.prepare('select 2')
    db.prepare('select 1')
    db.prepare('select 3')
    expect(db.prepare('select 1')).toBe(one)
    db.close()
  })
})
