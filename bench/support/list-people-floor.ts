// The floor for Haven's list-people request (issue #25): the same request as a minimal Hono
// handler — look the session up by the cookie's SHA-256, read the user's grants, take the
// compartments an organisation-wide grant sees, run the same page query Haven's store sends
// through the raw driver, count the matches up to Haven's cap (the list says "25 of 1,000+"), and
// answer the same JSON. No validation, authorization, audit,
// compression, headers or logging: what is left is what any server answering this request must do.
// DATA_DIR (SQLite haven.db) or DATABASE_URL (PostgreSQL), and PORT, from the environment.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Hono } from 'hono'
import pg from 'pg'

type Row = Record<string, unknown>
interface Driver {
  all(text: string, params: readonly unknown[]): Promise<Row[]>
}

function sqliteDriver(file: string): Driver {
  const db = new Database(file, { readonly: true })
  const cache = new Map<string, Database.Statement>()
  return {
    async all(text, params) {
      let statement = cache.get(text)
      if (!statement) {
        statement = db.prepare(text)
        cache.set(text, statement)
      }
      return statement.all(...params) as Row[]
    },
  }
}

function postgresDriver(url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  return {
    async all(text, params) {
      // $1, $2 … in place of SQLite's question marks.
      let n = 0
      const numbered = text.replace(/\?/g, () => `$${++n}`)
      return (await pool.query(numbered, [...params])).rows as Row[]
    },
  }
}

const postgres = Boolean(process.env.DATABASE_URL)
const driver = postgres
  ? postgresDriver(process.env.DATABASE_URL ?? '')
  : sqliteDriver(join(process.env.DATA_DIR ?? '.', 'haven.db'))
const COUNT_CAP = 1_000
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** Haven's page of people by code: one ordered walk per compartment on SQLite, one walk on PostgreSQL. */
async function pageOfPeople(compartmentIds: readonly string[], limit: number): Promise<Row[]> {
  if (postgres)
    return driver.all(
      `select * from people where merged_into_id is null and compartment_id in (${marks(compartmentIds.length)}) order by code asc limit ?`,
      [...compartmentIds, limit],
    )
  const walks = compartmentIds.map(
    (_, i) =>
      `select * from (select id, code, last_activity_at, open_priority from people where merged_into_id is null and compartment_id = ? order by code asc limit ?) as c${i}`,
  )
  const ids = (
    await driver.all(
      `select id from (${walks.join(' union all ')}) as page order by code asc limit ?`,
      [...compartmentIds.flatMap((id) => [id, limit]), limit],
    )
  ).map((r) => String(r.id))
  if (ids.length === 0) return []
  const rows = new Map<string, Row>()
  for (const r of await driver.all(`select * from people where id in (${marks(ids.length)})`, ids))
    rows.set(String(r.id), r)
  return ids.flatMap((id): Row[] => {
    const row = rows.get(id)
    return row ? [row] : []
  })
}

const app = new Hono()
app.get('/api/v1/people', async (c) => {
  const token = /(?:^|;\s*)(?:__Host-)?haven_session=([^;]+)/.exec(
    c.req.header('cookie') ?? '',
  )?.[1]
  if (!token) return c.json({ error: 'unauthenticated' }, 401)
  const idHash = createHash('sha256').update(token, 'utf8').digest('hex')
  const [session] = await driver.all(
    'select sessions.*, users.status as user_status from sessions inner join users on users.id = sessions.user_id where sessions.id_hash = ?',
    [idHash],
  )
  if (!session) return c.json({ error: 'unauthenticated' }, 401)
  const grants = await driver.all('select id, role, compartment_id from grants where user_id = ?', [
    session.user_id,
  ])
  if (!grants.some((g) => g.compartment_id === null)) return c.json({ error: 'forbidden' }, 403)
  // The compartments in which an organisation-wide coordinator lists people: all but the inboxes.
  const compartmentIds = (
    await driver.all("select id from compartments where kind != 'inbox'", [])
  ).map((r) => String(r.id))
  const limit = Math.min(Number(c.req.query('limit') ?? 25), 100)
  const rows = await pageOfPeople(compartmentIds, limit + 1)
  const page = rows.slice(0, limit)
  const ids = page.map((r) => String(r.id))
  const tags =
    ids.length === 0
      ? []
      : await driver.all(
          `select person_id, tag from person_tags where person_id in (${marks(ids.length)}) order by tag`,
          ids,
        )
  // The same capped count Haven's list answers with (COUNT_CAP in person-routes.ts).
  const [counted] = await driver.all(
    `select count(*) as n from (select id from people where merged_into_id is null and compartment_id in (${marks(compartmentIds.length)}) limit ?) as matches`,
    [...compartmentIds, COUNT_CAP + 1],
  )
  const total = Number(counted?.n ?? 0)
  const codes = new Map(
    (await driver.all('select id, code from compartments', [])).map((r) => [r.id, r.code]),
  )
  return c.json({
    people: page.map((r) => ({
      id: r.id,
      code: r.code,
      compartmentId: r.compartment_id,
      compartmentCode: codes.get(r.compartment_id) ?? '',
      ageBand: r.age_band,
      situation: r.situation,
      arrivalMonth: r.arrival_month,
      languages: JSON.parse(String(r.languages)),
      tags: tags.filter((t) => t.person_id === r.id).map((t) => t.tag),
      lastActivityAt: r.last_activity_at,
      openCases: r.open_cases,
    })),
    nextCursor: rows.length > limit ? 'more' : null,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  })
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
