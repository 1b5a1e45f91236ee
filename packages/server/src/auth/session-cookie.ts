import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Urls } from '../config/load-config.js'

/**
 * `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure). Browsers
 * refuse that prefix without Secure, so plain-HTTP localhost development uses a bare name.
 */
export function sessionCookieName(urls: Urls): string {
  return urls.insecureLocalhost ? 'haven_session' : '__Host-haven_session'
}

export function readSessionCookie(c: Context, urls: Urls): string | undefined {
  const value = getCookie(c, sessionCookieName(urls))
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined
}

export function writeSessionCookie(
  c: Context,
  urls: Urls,
  value: string,
  maxAgeSeconds: number,
): void {
  setCookie(c, sessionCookieName(urls), value, {
    httpOnly: true,
    secure: !urls.insecureLocalhost,
    sameSite: 'Strict',
    path: '/',
    maxAge: maxAgeSeconds,
  })
}

export function clearSessionCookie(c: Context, urls: Urls): void {
  deleteCookie(c, sessionCookieName(urls), { path: '/', secure: !urls.insecureLocalhost })
}
