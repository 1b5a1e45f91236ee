import { negotiateLocale } from '@haven/core/i18n/negotiate-locale'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { HavenEnv } from './hono-env.js'

/** Cookie holding a visitor's explicit language choice (not a tracking cookie). */
export const LOCALE_COOKIE = 'haven_lang'

/** Decides the language of messages: an explicit choice in the cookie, then Accept-Language. */
export function localeNegotiation() {
  return createMiddleware<HavenEnv>(async function localeNegotiation(c, next) {
    c.set(
      'locale',
      negotiateLocale({
        chosen: getCookie(c, LOCALE_COOKIE),
        acceptLanguage: c.req.header('accept-language'),
      }),
    )
    await next()
  })
}
