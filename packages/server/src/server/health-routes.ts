import cluster from 'node:cluster'
import { Hono } from 'hono'
import type { AppContext } from '../app-context.js'
import { pingDatabase } from '../db/maintenance-store.js'
import { allMigrations } from '../db/migrations/index.js'
import { pendingMigrations } from '../db/migrator.js'
import type { HavenEnv } from '../http/hono-env.js'

/**
 * `/healthz`: the process answers. `/readyz`: the database answers and its schema is current.
 * Each server process (`haven serve --workers N`) answers for itself, with its worker number, so a
 * check that reaches a broken worker says so instead of a sibling's answer hiding it.
 */
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
        return c.json(
          { status: 'not_ready', reason: 'migrations_pending', pending, worker: workerNumber() },
          503,
        )
      return c.json({ status: 'ready', database: app.database.dialect, worker: workerNumber() })
    } catch {
      return c.json(
        { status: 'not_ready', reason: 'database_unreachable', worker: workerNumber() },
        503,
      )
    }
  })
  return health
}

/** The cluster's number for this worker (1, 2, … and higher after restarts); 0 for a lone server. */
function workerNumber(): number {
  return cluster.worker?.id ?? 0
}
