import { Hono } from 'hono'
import type { AppContext } from '../app-context.js'
import { pingDatabase } from '../db/maintenance-store.js'
import { allMigrations } from '../db/migrations/index.js'
import { pendingMigrations } from '../db/migrator.js'
import type { HavenEnv } from '../http/hono-env.js'

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema is current. */
export function createHealthRoutes(app: AppContext): Hono<HavenEnv> {
  const health = new Hono<HavenEnv>()
  health.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok' })
  })
  health.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      await pingDatabase(app.database.db)
      const pending = await pendingMigrations(app.database, allMigrations(app.modules))
      if (pending.length > 0)
        return c.json({ status: 'not_ready', reason: 'migrations_pending', pending }, 503)
      return c.json({ status: 'ready', database: app.database.dialect })
    } catch {
      return c.json({ status: 'not_ready', reason: 'database_unreachable' }, 503)
    }
  })
  return health
}
