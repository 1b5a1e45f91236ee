import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { FetchHandler } from './create-apps.js'

export interface Listener {
  name: string
  server: Server
  port: number
}

/** Starts one HTTP listener and resolves once it accepts connections. */
export function listen(
  name: string,
  fetch: FetchHandler,
  host: string,
  port: number,
): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      resolve({ name, server: server as Server, port: info.port })
    }) as Server
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
