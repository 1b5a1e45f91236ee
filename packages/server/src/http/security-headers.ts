import { createMiddleware } from 'hono/factory'
import type { HavenEnv } from './hono-env.js'

export interface SecurityHeaderOptions {
  /** The Content-Security-Policy for this part of Haven. */
  contentSecurityPolicy: string
  /** Trust X-Forwarded-Proto to learn that the client used HTTPS (behind a TLS proxy). */
  trustProxy: boolean
}

/** The staff app and API: scripts and data from this origin only, nothing framed, nothing inline. */
export const STAFF_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The public site runs no script at all; it needs only its stylesheet, images and forms. */
export const SITE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ')

/**
 * The headers every response carries, in order. Shared by the middleware and by the listener's
 * fast path for published pages (`site/prepared-listener.ts`), so the two cannot drift apart.
 */
export function securityHeaderEntries(
  contentSecurityPolicy: string,
  https: boolean,
): [string, string][] {
  const entries: [string, string][] = [
    ['Content-Security-Policy', contentSecurityPolicy],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
  ]
  if (https) entries.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'])
  return entries
}

/** Whether the client reached us over HTTPS (directly, or through a trusted TLS proxy). */
export function viaHttps(
  url: string,
  forwardedProto: string | undefined,
  trustProxy: boolean,
): boolean {
  return (
    url.startsWith('https:') || (trustProxy && forwardedProto?.split(',')[0]?.trim() === 'https')
  )
}

/** Headers every response carries, set after the handler so no route can forget them. */
export function securityHeaders(options: SecurityHeaderOptions) {
  return createMiddleware<HavenEnv>(async function securityHeaders(c, next) {
    await next()
    const h = c.res.headers
    const https = viaHttps(c.req.url, c.req.header('x-forwarded-proto'), options.trustProxy)
    for (const [name, value] of securityHeaderEntries(options.contentSecurityPolicy, https)) {
      // A route may set its own, stricter policy (the unseal page does).
      if (name === 'Content-Security-Policy' && h.has(name)) continue
      h.set(name, value)
    }
  })
}
