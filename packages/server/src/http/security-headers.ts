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

/** Headers every response carries, set after the handler so no route can forget them. */
export function securityHeaders(options: SecurityHeaderOptions) {
  return createMiddleware<HavenEnv>(async function securityHeaders(c, next) {
    await next()
    const h = c.res.headers
    if (!h.has('Content-Security-Policy'))
      h.set('Content-Security-Policy', options.contentSecurityPolicy)
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('Referrer-Policy', 'no-referrer')
    h.set('Permissions-Policy', PERMISSIONS_POLICY)
    h.set('X-Frame-Options', 'DENY')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    h.set('Cross-Origin-Resource-Policy', 'same-origin')
    const https =
      c.req.url.startsWith('https:') ||
      (options.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https')
    if (https) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  })
}
