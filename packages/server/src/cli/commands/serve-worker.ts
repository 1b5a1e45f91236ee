import cluster from 'node:cluster'
import { resolveUrls } from '../../config/load-config.js'
import { boot } from '../../server/boot.js'
import { createApps } from '../../server/create-apps.js'
import {
  closeListeners,
  describeListenError,
  type Listener,
  listen,
  portsToBind,
} from '../../server/listen.js'
import { createLogger } from '../../server/logger.js'
import type { ListeningMessage } from '../../server/worker-pool.js'
import { joinWorkerUnseal } from '../../server/worker-unseal.js'
import { findAppDist, loadAppAssets } from '../../staff/app-assets.js'
import { cliConfig } from '../cli-config.js'

/**
 * One worker of `haven serve --workers N`: the same listeners as a lone server, on sockets the
 * primary shares. The primary has applied the migrations, made the keys and started the modules
 * before it started any worker, so a worker only opens the database and serves. It stops (letting
 * its requests finish) on SIGTERM from the primary, and on its own if the primary is gone.
 */
export async function serveWorker(): Promise<void> {
  try {
    await startWorker()
  } catch (error) {
    // The primary reports that this worker did not start; the reason is written here, once.
    process.stderr.write(`${(error as Error).message}\n`)
    process.exit(1)
  }
}

async function startWorker(): Promise<void> {
  const config = cliConfig()
  const logger = createLogger(config.logLevel).child({ worker: cluster.worker?.id })
  const app = await boot(config, logger, { migrate: false, mayCreateMasterKey: false })
  // Sealed mode: the key from the primary if Haven is unsealed already, before this one listens.
  await joinWorkerUnseal(app.crypto.master, process.send?.bind(process))
  const dist = findAppDist(process.env)
  const apps = createApps(app, { appAssets: dist ? loadAppAssets(dist) : null })
  const handlers = { combined: apps.combined, public: apps.site.fetch, staff: apps.staff.fetch }
  const fast = { ...apps.fastPaths, staff: undefined }
  const listeners: Listener[] = []
  for (const bind of portsToBind(config)) {
    try {
      listeners.push(
        await listen(
          bind.listener,
          handlers[bind.listener],
          config.host,
          bind.port,
          fast[bind.listener],
        ),
      )
    } catch (error) {
      await closeListeners(listeners, 0)
      await app.database.close()
      throw new Error(describeListenError(error, config.host, bind))
    }
  }
  const ports = Object.fromEntries(listeners.map((l) => [l.name, l.port]))
  const portOf = (name: string) => ports[name] ?? ports.combined ?? 0
  app.urls = resolveUrls(config, { public: portOf('public'), staff: portOf('staff') })
  logger.info({ pid: process.pid }, 'worker listening')
  process.send?.({ type: 'haven:listening', ports } satisfies ListeningMessage)

  let stopping = false
  const stop = async (reason: string) => {
    if (stopping) return
    stopping = true
    logger.info({ reason }, 'worker stopping')
    await closeListeners(listeners, config.shutdownGraceMs)
    await app.database.close()
    logger.flush()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
  // A hang-up reaches the whole process group; restarting workers is the primary's decision.
  process.on('SIGHUP', () => {})
  // The primary died (kill -9, a crash): nobody hands this worker connections any more.
  process.once('disconnect', () => void stop('primary gone'))
}
