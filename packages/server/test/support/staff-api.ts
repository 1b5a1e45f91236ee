import type { AppContext } from '../../src/app-context.js'
import { testApps } from './test-app.js'

/** What a request from Haven's own pages carries (the origin checks let it through). */
export const SAME_ORIGIN = { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' }

/**
 * Calls the staff API of the app `current()` returns (read at each call, so a test may replace
 * its app or clock) as Haven's own pages would: same origin, JSON.
 */
export function staffApi(current: () => AppContext) {
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    testApps(current()).staff.request(`/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  return {
    send,
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      send('POST', path, body, headers),
    get: (path: string, headers: Record<string, string> = {}) =>
      send('GET', path, undefined, headers),
  }
}
