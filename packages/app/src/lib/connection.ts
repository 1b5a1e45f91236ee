import { signal } from '@preact/signals'

/**
 * Whether the app can reach the server. The browser's own offline event is not enough (a captive
 * portal or a dead VPN still reads as "online"), so a request that fails on the network also counts,
 * and any answer from the server (even an error) counts as back.
 */
export const offline = signal(false)

/** How often to ask the server again while the connection is down. */
const RETRY_MS = 5_000

let retryTimer: ReturnType<typeof setTimeout> | null = null

function stopRetrying(): void {
  if (retryTimer !== null) clearTimeout(retryTimer)
  retryTimer = null
}

/** Asks the cheapest route until the server answers, so the banner goes away without a click. */
function scheduleRetry(): void {
  if (retryTimer !== null || typeof window === 'undefined') return
  retryTimer = setTimeout(() => {
    retryTimer = null
    fetch('/healthz', { method: 'GET', cache: 'no-store' })
      .then(() => noteReachable())
      .catch(() => scheduleRetry())
  }, RETRY_MS)
}

/** A request failed before any answer came: show the banner and keep trying. */
export function noteUnreachable(): void {
  offline.value = true
  scheduleRetry()
}

/** The server answered. */
export function noteReachable(): void {
  stopRetrying()
  offline.value = false
}

/** The part of `window` this needs: its online/offline events. */
export interface ConnectionEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
}

/** Follows the browser's online/offline events; returns the function that stops following them. */
export function watchConnection(target: ConnectionEvents): () => void {
  const down = (): void => noteUnreachable()
  // "online" only says a network is back, not that the server is reachable: ask it at once.
  const up = (): void => {
    stopRetrying()
    fetch('/healthz', { method: 'GET', cache: 'no-store' })
      .then(() => noteReachable())
      .catch(() => noteUnreachable())
  }
  target.addEventListener('offline', down)
  target.addEventListener('online', up)
  return () => {
    target.removeEventListener('offline', down)
    target.removeEventListener('online', up)
  }
}
