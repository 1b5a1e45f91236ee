import type { Locale } from '@haven/core/i18n/locales'
import { translate, translatorFor } from '@haven/core/i18n/translate'
import {
  type ApplicationForm,
  applicationFormSchema,
  type ContactForm,
  contactFormSchema,
} from '@haven/core/inbox/contact-schemas'
import { SPECIAL_PAGE_SLUGS } from '@haven/core/site/slug'
import { validate } from '@haven/core/validation/field-issues'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { clientAddress } from '../../auth/client-address.js'
import type { HavenEnv } from '../../http/hono-env.js'
import { pathLocale } from '../../site/content-routes.js'
import type { FormState } from '../../site/pages/form-parts.js'
import { findPublished } from '../../site/published-store.js'
import type { PageMeta } from '../../site/site-frame.js'
import { everyLanguage, type SiteRenderer } from '../../site/site-renderer.js'
import { receiveMessage, type Submission } from './contact-intake.js'
import { ApplicationPage, ContactPage, SentPage } from './contact-pages.js'
import { checkFormToken, issueFormToken } from './form-token.js'
import { intakeKey } from './intake-keys.js'
import {
  clientBucket,
  DEFAULT_RATE_LIMITS,
  type RateLimits,
  takeRateLimit,
} from './intake-rate-limit.js'

/** Largest form body accepted (the longest message is 5,000 characters). */
export const FORM_BODY_LIMIT = 64 * 1024
const LANG = ':lang{[a-z]{2}}'

type Kind = 'contact' | 'application'
const PATHS: Readonly<Record<Kind, string>> = { contact: '/contact', application: '/get-involved' }
const INTRO: Readonly<Record<Kind, string>> = {
  contact: SPECIAL_PAGE_SLUGS.contact,
  application: SPECIAL_PAGE_SLUGS.getInvolved,
}
/** Fields a form posts; anything else in the body is ignored. */
const FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  contact: ['message', 'name', 'replyTo', 'replyLanguage'],
  application: [
    'kind',
    'name',
    'replyTo',
    'languages',
    'level_ko',
    'level_zh',
    'level_ja',
    'level_en',
    'otherLanguages',
    'skillAreas',
    'skills',
    'availableDays',
    'hoursPerWeek',
    'availability',
    'message',
  ],
}
const LIST_FIELDS = new Set(['languages', 'skillAreas', 'availableDays'])

/**
 * Reads a posted form as strings only (files and unknown fields are dropped), bounded in count
 * and length so a hostile body costs little.
 */
async function readForm(c: Context<HavenEnv>, fields: readonly string[]) {
  const body = await c.req.parseBody({ all: true })
  const pick = (name: string): string[] => {
    const raw = body[name]
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
    return list
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 8)
      .map((v) => v.slice(0, 10_000))
  }
  // A field the form did not send stays absent, so the schema's default applies to it.
  const values: Record<string, string | string[]> = {}
  for (const field of fields) {
    const given = pick(field)
    if (LIST_FIELDS.has(field)) values[field] = given
    else if (given[0] !== undefined) values[field] = given[0]
  }
  return {
    values,
    trap: pick('website')[0] ?? '',
    issued: pick('issued')[0] ?? '',
  }
}

/**
 * A cross-site page cannot post into our forms (there is no session to ride on, but a flood from
 * elsewhere is refused early). Browsers say where a request came from in Sec-Fetch-Site/Origin.
 */
function fromThisSite(c: Context<HavenEnv>, publicUrl: string): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return false
  const origin = c.req.header('origin')
  if (!origin || origin === 'null') return true
  return origin === new URL(publicUrl).origin || origin === new URL(c.req.url).origin
}

export interface FormRouteOptions {
  rateLimits?: RateLimits
}

/** The contact and volunteer/intern forms, their confirmation pages, and what happens on send. */
export function registerFormRoutes(
  site: Hono<HavenEnv>,
  r: SiteRenderer,
  options: FormRouteOptions = {},
): void {
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS
  const app = r.app

  async function show(
    c: Context<HavenEnv>,
    locale: Locale,
    kind: Kind,
    form: FormState,
    status: number,
  ) {
    const t = translatorFor(locale)
    const intro = await findPublished(r.reader.db, 'page', locale, INTRO[kind])
    const token = issueFormToken(intakeKey(app, 'form-token'), app.now())
    const meta: PageMeta = {
      title: intro?.title ?? t(kind === 'contact' ? 'site.contact.title' : 'site.apply.title'),
      description:
        intro?.summary || t(kind === 'contact' ? 'site.contact.lead' : 'site.apply.lead'),
      path: PATHS[kind],
      alternates: everyLanguage(PATHS[kind]),
      section: kind === 'contact' ? 'contact' : 'get_involved',
    }
    const props = { locale, t, intro, form, token }
    const body = kind === 'contact' ? <ContactPage {...props} /> : <ApplicationPage {...props} />
    return r.send(c, locale, meta, body, status)
  }

  async function receive(c: Context<HavenEnv>, kind: Kind) {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    const t = translatorFor(locale)
    if (!fromThisSite(c, app.urls.public)) return c.text(t('error.cross_site_request'), 403)
    const { values, trap, issued } = await readForm(c, FIELDS[kind])
    const again = (
      status: number,
      formError?: string,
      errors: Record<string, string> = {},
      formNote?: string,
    ) => show(c, locale, kind, { values, errors, formError, formNote }, status)

    const check = checkFormToken(intakeKey(app, 'form-token'), issued, app.now())
    const parsed =
      kind === 'contact'
        ? validate<ContactForm | ApplicationForm>(contactFormSchema, values)
        : validate<ContactForm | ApplicationForm>(applicationFormSchema, values)
    const errors: Record<string, string> = {}
    if (!parsed.ok)
      for (const issue of parsed.issues)
        errors[issue.path || '_'] ??= translate(locale, issue.key, issue.params)
    // Sent too fast (or from a stale page): back with its text, and with any field problems too,
    // so one more send is enough. A person who is simply quick is not told they did wrong: the
    // page quietly asks for one more press (200 when nothing else needs correcting).
    if (check === 'too_fast')
      return again(
        Object.keys(errors).length > 0 ? 422 : 200,
        undefined,
        errors,
        t('site.form.too_fast'),
      )
    if (check !== 'ok') return again(422, t('site.form.expired'), errors)
    // A robot that filled the hidden field is told all went well, and nothing is kept.
    const trapped = trap.trim() !== ''
    if (!parsed.ok && !trapped) return again(422, undefined, errors)

    const now = app.now()
    const bucket = clientBucket(
      intakeKey(app, 'rate-limit'),
      clientAddress(c, app.config.trustProxy),
      now,
    )
    const limit = await takeRateLimit(
      app.database.db,
      [
        { key: bucket, limit: limits.perClient },
        { key: `all:${now.toISOString().slice(0, 13)}`, limit: limits.overall },
      ],
      limits,
      now,
    )
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterSeconds))
      return again(
        429,
        t('site.form.rate_limited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
      )
    }
    if (!trapped && parsed.ok) {
      const submission = (
        kind === 'contact'
          ? { kind, form: parsed.value as ContactForm }
          : { kind, form: parsed.value as ApplicationForm }
      ) as Submission
      await receiveMessage(app, submission, locale, c.get('requestId'))
    }
    return c.redirect(`/${locale}${PATHS[kind]}/sent`, 303)
  }

  for (const kind of ['contact', 'application'] as const) {
    const path = PATHS[kind]
    site.get(`/${LANG}${path}`, (c) => {
      const locale = pathLocale(c)
      if (!locale) return c.notFound()
      const defaults: Record<string, string> = kind === 'contact' ? { replyLanguage: locale } : {}
      return show(c, locale, kind, { values: defaults, errors: {} }, 200)
    })
    site.post(
      `/${LANG}${path}`,
      bodyLimit({
        maxSize: FORM_BODY_LIMIT,
        onError: (c) => c.text(translatorFor(pathLocale(c) ?? 'en')('site.form.too_large'), 413),
      }),
      (c) => receive(c, kind),
    )
    site.get(`/${LANG}${path}/sent`, (c) => {
      const locale = pathLocale(c)
      if (!locale) return c.notFound()
      const t = translatorFor(locale)
      const meta: PageMeta = {
        title: t(kind === 'contact' ? 'site.sent.contact_title' : 'site.sent.application_title'),
        description: t('site.tagline'),
        path: `${path}/sent`,
        alternates: everyLanguage(`${path}/sent`),
        noindex: true,
        section: kind === 'contact' ? 'contact' : 'get_involved',
      }
      return r.send(c, locale, meta, <SentPage locale={locale} t={t} kind={kind} />)
    })
  }
}
