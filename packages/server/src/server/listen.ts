import { createServer as createHttpServer, type Server } from 'node:http'
import { type AddressInfo, createServer } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { Config } from '../config/load-config.js'
import type { FastPath } from '../site/prepared-listener.js'
import type { FetchHandler } from './create-apps.js'

export interface Listener {
  name: string
  server: Server
  port: number
}

/** A port a listener will bind, with the setting that chose it (named in errors). */
export interface PortToBind {
  listener: 'combined' | 'public' | 'staff'
  setting: 'PORT' | 'PUBLIC_PORT' | 'STAFF_PORT'
  port: number
}

/** The listeners the settings ask for: one for everything, or the public site and staff side apart. */
export function portsToBind(config: Config): PortToBind[] {
  return config.listeners.kind === 'combined'
    ? [{ listener: 'combined', setting: 'PORT', port: config.listeners.port }]
    : [
        { listener: 'public', setting: 'PUBLIC_PORT', port: config.listeners.publicPort },
        { listener: 'staff', setting: 'STAFF_PORT', port: config.listeners.staffPort },
      ]
}

/** The problem with binding `host:port`, worded for the operator, naming the setting to change. */
export function describeListenError(
  error: unknown,
  host: string,
  { setting, port }: PortToBind,
): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE')
    return `${setting}: port ${port} on ${host} is already in use (another Haven, or another program, listens there). Stop it, or choose a free port: ${setting}=${port < 65535 ? port + 1 : 3000} npm start (or "${setting}": … in haven.config.json).`
  if (code === 'EACCES')
    return `${setting}: port ${port} needs administrator rights on this system. Use a port above 1023 (${setting}=3000) and, for port 80 or 443, a reverse proxy in front.`
  if (code === 'EADDRNOTAVAIL')
    return `HOST: ${host} is not an address of this machine (example: HOST=127.0.0.1, or 0.0.0.0 for every address).`
  return `${setting}: cannot listen on ${host}:${port}: ${(error as Error).message}`
}

/**
 * Checks that each port can be bound, before anything else happens at start, so a busy port
 * stops Haven with one line naming the setting instead of after it has made a data folder and a
 * master key. (Another program may still take the port in the moment between: the listener's own
 * error is worded the same way.) Port 0 is always free.
 */
export async function checkPortsFree(host: string, ports: readonly PortToBind[]): Promise<void> {
  for (const port of ports) {
    if (port.port === 0) continue
    await new Promise<void>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', (error) =>
        reject(new Error(`${describeListenError(error, host, port)} Nothing was changed.`)),
      )
      probe.listen({ host, port: port.port, exclusive: true }, () => probe.close(() => resolve()))
    })
  }
}

/** Starts one HTTP listener and resolves once it accepts connections. */
export function listen(
  name: string,
  fetch: FetchHandler,
  host: string,
  port: number,
  fastPath?: FastPath,
): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const honoListener = getRequestListener(fetch, { hostname: host })
    // The fast path answers what it can (published pages) before Hono sees the request.
    const server = createHttpServer(
      fastPath
        ? (req, res) => {
            if (!fastPath(req, res)) void honoListener(req, res)
          }
        : honoListener,
    )
    server.listen(port, host, () => {
      resolve({ name, server, port: (server.address() as AddressInfo).port })
    })
    server.once('error', reject)
    // Slow-loris defence: a client must send its headers within 20 s and its request within 60 s.
    server.headersTimeout = 20_000
    server.requestTimeout = 60_000
  })
}

/**
 * Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts what remains.
 * Resolves when every listener is closed.
 */
export async function closeListeners(
  listeners: readonly Listener[],
  graceMs: number,
): Promise<void> {
  await Promise.all(
    listeners.map(
      ({ server }) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => server.closeAllConnections(), graceMs)
          timer.unref()
          server.close(() => {
            clearTimeout(timer)
            resolve()
          })
          server.closeIdleConnections()
        }),
    ),
  )
}
