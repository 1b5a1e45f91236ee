import type { Command } from 'commander'
import type { AppContext } from '../../app-context.js'
import { startCheckpoints } from '../../audit/audit-checkpoints.js'
import { createSetupLink } from '../../auth/setup-service.js'
import { resolveUrls } from '../../config/load-config.js'
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
import { findAppDist, loadAppAssets } from '../../staff/app-assets.js'
import { listenUnsealSocket, type UnsealSocket } from '../../unseal/unseal-socket.js'
import { CliError, cliConfig } from '../cli-config.js'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start Haven: public site, staff app and API (applies pending migrations first)')
    .action(async () => {
      const config = cliConfig()
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
      const apps = createApps(app, { appAssets: dist ? loadAppAssets(dist) : null })

      const handlers = { combined: apps.combined, public: apps.site.fetch, staff: apps.staff.fetch }
      const listeners: Listener[] = []
      for (const bind of binds) {
        try {
          listeners.push(
            await listen(bind.listener, handlers[bind.listener], config.host, bind.port),
          )
        } catch (error) {
          await closeListeners(listeners, 0)
          await app.database.close()
          throw new CliError(describeListenError(error, config.host, bind))
        }
      }
      const unsealSocket = app.crypto.master.sealed ? await openUnsealSocket(app) : null
      const portOf = (name: string) =>
        listeners.find((l) => l.name === name || l.name === 'combined')?.port ?? 0
      app.urls = resolveUrls(config, { public: portOf('public'), staff: portOf('staff') })
      try {
        writeServerRecord(config.dataDir, app.urls, app.now())
      } catch (error) {
        // Only the links other commands print depend on it; serving does not.
        logger.warn({ err: { message: (error as Error).message } }, 'server record not written')
      }
      for (const l of listeners)
        logger.info({ listener: l.name, host: config.host, port: l.port }, 'listening')

      const lines = [
        `Haven is running on ${app.database.describe}`,
        `  Public site: ${app.urls.public}/`,
        `  Staff app:   ${app.urls.staff}/app/`,
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
        await closeListeners(listeners, config.shutdownGraceMs)
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
    })
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
