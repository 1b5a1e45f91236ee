import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const FORWARDING = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip']

/**
 * True only for a request made on this machine, straight to Haven: from a loopback address, to
 * a loopback host name, through no proxy. A proxy on the same machine connects from 127.0.0.1
 * too, so forwarding headers and a public Host refuse the request even then. (An SSH tunnel to
 * 127.0.0.1 counts as local: that is how an operator unseals from afar.)
 */
export function isLocalRequest(c: Context): boolean {
  let address = ''
  try {
    address = getConnInfo(c).remote.address ?? ''
  } catch {
    return false
  }
  if (!LOOPBACK.has(address)) return false
  if (FORWARDING.some((h) => c.req.header(h) !== undefined)) return false
  return LOCAL_HOSTS.has(new URL(c.req.url).hostname)
}
