import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import type { AppContext } from '../../app-context.js'
import { startCheckpoints } from '../../audit/audit-checkpoints.js'
import { createSetupLink } from '../../auth/setup-service.js'
import { type Config, resolveUrls } from '../../config/load-config.js'
import { awaitingKeyImport } from '../../crypto/key-store.js'
import { boot } from '../../server/boot.js'
import { createApps } from '../../server/create-apps.js'
import {
  checkPortsFree,
  closeListeners,
  describeListenError,
  type Listener,
  listen,
  portsToBind,
} from '../../server/listen.js'
import { createLogger } from '../../server/logger.js'
import { removeServerRecord, writeServerRecord } from '../../server/server-record.js'
import { startWorkerPool, type WorkerPool } from '../../server/worker-pool.js'
import {
  acceptWorkerKey,
  isKeyRequest,
  keyOfMessage,
  masterKeyMessage,
} from '../../server/worker-unseal.js'
import { findAppDist, loadAppAssets } from '../../staff/app-assets.js'
import { listenUnsealSocket, type UnsealSocket } from '../../unseal/unseal-socket.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { serveWorker } from './serve-worker.js'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start Haven: public site, staff app and API (applies pending migrations first)')
    .option(
      '--workers <n>',
      'server processes answering requests (default: the WORKERS setting, else one per core)',
    )
    .action(async (options: { workers?: string }) => {
      // A worker runs this same command, started by the primary below.
      if (cluster.isWorker) return serveWorker()
      const config = cliConfig()
      const workers = workerCount(options.workers, config)
      const binds = portsToBind(config)
      // Before anything is created: a busy port stops here, naming the setting to change.
      await checkPortsFree(config.host, binds).catch((error: Error) => {
        throw new CliError(error.message)
      })
      const logger = createLogger(config.logLevel)
      const warnings: string[] = []
      const app = await boot(config, logger, { onWarning: (message) => warnings.push(message) })
      if (await awaitingKeyImport(app.database.db)) {
        await app.database.close()
        throw new CliError(
          'This database holds data but no keys (restored from a backup?). Import its key export first: haven keys import KEY-EXPORT. Until then every sealed field would be unreadable, and new keys would clash with the imported ones.',
        )
      }
      // The inbox for the public forms exists from the start, so it can be granted before the
      // first message arrives (a sealed server creates it once unsealed, at first use).
      if (!app.crypto.master.sealed) for (const m of app.modules) await m.start?.(app)
      const dist = findAppDist(process.env)
      if (!dist)
        logger.warn('staff app build not found: /app will answer 503 until "npm run build" has run')
      const listeners: Listener[] = []
      let pool: WorkerPool | null = null
      if (workers === 1) {
        const apps = createApps(app, { appAssets: dist ? loadAppAssets(dist) : null })
        const handlers = {
          combined: apps.combined,
          public: apps.site.fetch,
          staff: apps.staff.fetch,
        }
        const fast = { ...apps.fastPaths, staff: undefined }
        for (const bind of binds) {
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
            throw new CliError(describeListenError(error, config.host, bind))
          }
        }
      } else {
        // Migrations, keys and the modules' first start are done: the workers only serve.
        const master = app.crypto.master
        try {
          pool = await startWorkerPool({
            count: workers,
            logger,
            graceMs: config.shutdownGraceMs,
            // Sealed mode. A starting worker asks whether Haven is unsealed already; one
            // unsealed through its /unseal page sends the key, which the primary takes and
            // passes on (below). The worker checked the passphrase; a key that does not match
            // the one in use is refused, so a confused worker cannot split the pool.
            onMessage: (worker, message) => {
              if (isKeyRequest(message)) {
                worker.send(masterKeyMessage(master.sealed ? null : master.bytes()))
                return
              }
              const key = keyOfMessage(message)
              if (!key || !master.sealed) return
              void acceptWorkerKey(app, key).catch((error: Error) =>
                logger.error(
                  { worker: worker.id, err: { message: error.message } },
                  'a worker sent a master key that does not open this database; ignored',
                ),
              )
            },
          })
        } catch (error) {
          await app.database.close()
          throw new CliError(`Haven did not start: ${(error as Error).message}`)
        }
      }
      const unsealSocket = app.crypto.master.sealed ? await openUnsealSocket(app) : null
      // Unsealed anywhere (the socket here, or a worker's page): every worker gets the key, and
      // the socket has done its job.
      app.crypto.master.onUnseal((key) => {
        pool?.broadcast(masterKeyMessage(key))
        void unsealSocket?.close()
      })
      const ports: Record<string, number> =
        pool?.ports ?? Object.fromEntries(listeners.map((l) => [l.name, l.port]))
      const portOf = (name: string) => ports[name] ?? ports.combined ?? 0
      app.urls = resolveUrls(config, { public: portOf('public'), staff: portOf('staff') })
      try {
        writeServerRecord(config.dataDir, app.urls, app.now())
      } catch (error) {
        // Only the links other commands print depend on it; serving does not.
        logger.warn({ err: { message: (error as Error).message } }, 'server record not written')
      }
      for (const [listener, port] of Object.entries(ports))
        logger.info({ listener, host: config.host, port, workers }, 'listening')

      const lines = [
        `Haven is running on ${app.database.describe}`,
        `  Public site: ${app.urls.public}/`,
        `  Staff app:   ${app.urls.staff}/app/`,
        `  Workers:     ${workers === 1 ? 'one server process' : `${workers} server processes (kill -HUP ${process.pid} restarts them one by one)`}`,
      ]
      for (const warning of warnings) lines.push('', `  WARNING: ${warning}`)
      if (unsealSocket)
        lines.push(
          '',
          '  Haven is SEALED: it answers 503 until unsealed with the passphrase. On this machine run',
          '    haven unseal',
          `  or open http://localhost:${portOf('staff')}/unseal here (or through an SSH tunnel).`,
        )
      const setup = await createSetupLink(app, { revokeEarlier: false })
      if (setup) {
        lines.push(
          '',
          '  No administrator exists yet. Open this link to create one',
          `  (single use, valid until ${setup.expiresAt}; "haven setup-link" prints a new one):`,
          `  ${setup.url}`,
        )
      }
      // The banner goes to standard error so standard output stays pure JSON log lines.
      process.stderr.write(`\n${lines.join('\n')}\n\n`)
      // Signed audit checkpoints, routinely (once unsealed, in sealed mode).
      const stopCheckpoints = startCheckpoints(app)

      let stopping = false
      const stop = async (signal: string) => {
        if (stopping) return
        stopping = true
        logger.info({ signal }, 'shutting down')
        await Promise.all([closeListeners(listeners, config.shutdownGraceMs), pool?.stop()])
        stopCheckpoints()
        await unsealSocket?.close()
        removeServerRecord(config.dataDir)
        await app.database.close()
        logger.info('stopped')
        logger.flush()
        process.exit(0)
      }
      process.once('SIGTERM', () => void stop('SIGTERM'))
      process.once('SIGINT', () => void stop('SIGINT'))
      // A graceful restart: each worker in turn is replaced, and the new one runs the build on disk.
      // (A single process keeps the default: a hang-up stops it, as before.)
      if (pool)
        process.on('SIGHUP', () => {
          if (!pool || stopping) return
          logger.info({ workers }, 'restarting workers')
          pool.restart().then(
            () => logger.info({ workers: pool?.size() }, 'workers restarted'),
            (error: Error) =>
              logger.error(
                { err: { message: error.message } },
                'worker restart stopped: the old workers serve on',
              ),
          )
        })
    })
}

/** How many server processes: --workers, else WORKERS, else one per core. */
function workerCount(flag: string | undefined, config: Config): number {
  let asked: number | undefined = config.workers
  if (flag !== undefined) {
    asked = Number(flag)
    if (!/^\d+$/.test(flag) || asked < 1 || asked > 64)
      throw new CliError(
        `--workers: "${flag}" is not a number of server processes from 1 to 64 (example: --workers 2)`,
        EXIT.usage,
      )
  }
  return asked ?? availableParallelism()
}

/** The unseal socket, or null (with a warning) if it cannot be made: the form still works. */
async function openUnsealSocket(app: AppContext): Promise<UnsealSocket | null> {
  try {
    const socket = await listenUnsealSocket(app)
    app.logger.info({ socket: socket.path }, 'sealed: waiting for haven unseal')
    return socket
  } catch (error) {
    app.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'sealed, but the unseal socket could not be opened: use /unseal on this machine',
    )
    return null
  }
}
