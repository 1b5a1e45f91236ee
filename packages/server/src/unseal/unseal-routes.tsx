import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { Locale } from '@haven/core/i18n/locales'
import { type Translator, translatorFor } from '@haven/core/i18n/translate'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, setCookie } from 'hono/cookie'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppContext } from '../app-context.js'
import { isFreshInstall } from '../crypto/key-store.js'
import { findMasterSeal } from '../crypto/master-seal-store.js'
import { type UnsealOutcome, unseal } from '../crypto/unseal-service.js'
import type { HavenEnv } from '../http/hono-env.js'
import { renderPage } from '../site/render-page.js'
import { isLocalRequest } from './local-client.js'

/** No script, no style, nothing framed; the form posts only to itself. */
export const UNSEAL_CSP = [
  "default-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

const CSRF_COOKIE = 'haven_unseal_csrf'

function UnsealPage(props: {
  locale: Locale
  t: Translator
  message?: { key: MessageKey; params?: Record<string, string | number>; alert: boolean }
  form?: { csrf: string; firstTime: boolean }
}) {
  const { t } = props
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{t('unseal.title')}</title>
      </head>
      <body>
        <main>
          <h1>{t('unseal.title')}</h1>
          {props.message && (
            <p role={props.message.alert ? 'alert' : 'status'}>
              {t(props.message.key, props.message.params)}
            </p>
          )}
          {props.form && (
            <form method="post" action="/unseal" autocomplete="off">
              <p>{t('unseal.intro')}</p>
              {props.form.firstTime && <p>{t('unseal.first_time')}</p>}
              <input type="hidden" name="csrf" value={props.form.csrf} />
              <p>
                <label for="passphrase">{t('unseal.passphrase')}</label>
                <br />
                <input
                  id="passphrase"
                  name="passphrase"
                  type="password"
                  autocomplete="off"
                  required
                  autofocus
                />
              </p>
              <button type="submit">{t('unseal.submit')}</button>
            </form>
          )}
        </main>
      </body>
    </html>
  )
}

const OUTCOME_KEYS: Record<
  Exclude<UnsealOutcome, { ok: true }>['code'],
  { key: MessageKey; status: ContentfulStatusCode }
> = {
  wrong_passphrase: { key: 'unseal.wrong', status: 401 },
  throttled: { key: 'unseal.throttled', status: 429 },
  weak_passphrase: { key: 'unseal.weak', status: 422 },
  needs_seal: { key: 'unseal.needs_seal', status: 409 },
  unseal_mismatch: { key: 'unseal.mismatch', status: 409 },
}

/**
 * `/unseal`: a form for the operator at the server's own keyboard (or through an SSH tunnel),
 * without JavaScript, under a CSP that allows nothing but posting the form back. It refuses any
 * request not made locally, and checks a CSRF token (double-submit cookie) besides the Origin.
 */
export function createUnsealRoutes(app: AppContext): Hono<HavenEnv> {
  const routes = new Hono<HavenEnv>()
  // A passphrase and a token: anything larger is not a form of ours.
  routes.use('/unseal', bodyLimit({ maxSize: 4096, onError: (c) => c.text('Too large', 413) }))
  routes.use('/unseal', async function unsealHeaders(c, next) {
    await next()
    c.header('Content-Security-Policy', UNSEAL_CSP)
    c.header('Cache-Control', 'no-store')
  })

  const page = (
    c: Context<HavenEnv>,
    status: ContentfulStatusCode,
    props: Omit<Parameters<typeof UnsealPage>[0], 'locale' | 't'>,
  ) => {
    const locale = c.get('locale')
    return c.html(
      renderPage(<UnsealPage locale={locale} t={translatorFor(locale)} {...props} />),
      status,
    )
  }

  const freshForm = async (c: Context<HavenEnv>) => {
    const csrf = randomBytes(24).toString('base64url')
    setCookie(c, CSRF_COOKIE, csrf, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/unseal',
      secure: new URL(c.req.url).protocol === 'https:',
    })
    const db = app.database.db
    const firstTime = !(await findMasterSeal(db)) && (await isFreshInstall(db))
    return { csrf, firstTime }
  }

  routes.get('/unseal', async (c) => {
    if (!isLocalRequest(c))
      return page(c, 403, { message: { key: 'unseal.not_local', alert: true } })
    if (!app.crypto.master.sealed)
      return page(c, 200, { message: { key: 'unseal.already', alert: false } })
    return page(c, 200, { form: await freshForm(c) })
  })

  routes.post('/unseal', async (c) => {
    if (!isLocalRequest(c))
      return page(c, 403, { message: { key: 'unseal.not_local', alert: true } })
    if (!app.crypto.master.sealed)
      return page(c, 200, { message: { key: 'unseal.already', alert: false } })
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const sameOrigin =
      (site === undefined || site === 'same-origin') &&
      (origin === undefined || origin === new URL(c.req.url).origin)
    const body = await c.req.parseBody()
    const sent = typeof body.csrf === 'string' ? Buffer.from(body.csrf) : Buffer.alloc(0)
    const expected = Buffer.from(getCookie(c, CSRF_COOKIE) ?? '')
    const tokenOk =
      expected.length > 0 && sent.length === expected.length && timingSafeEqual(sent, expected)
    if (!sameOrigin || !tokenOk)
      return page(c, 403, {
        message: { key: 'unseal.form_expired', alert: true },
        form: await freshForm(c),
      })
    const passphrase = typeof body.passphrase === 'string' ? body.passphrase : ''
    const outcome = await unseal(app, passphrase, 'form')
    if (outcome.ok) return page(c, 200, { message: { key: 'unseal.done', alert: false } })
    const { key, status } = OUTCOME_KEYS[outcome.code]
    if (outcome.retryAfterSeconds) c.header('Retry-After', String(outcome.retryAfterSeconds))
    return page(c, status, {
      message: { key, params: { seconds: outcome.retryAfterSeconds ?? 0 }, alert: true },
      form: await freshForm(c),
    })
  })
  return routes
}
