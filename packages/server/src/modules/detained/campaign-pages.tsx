import { DETENTION_STATUSES, type DetentionStatus } from '@haven/core/detained/detained-schemas'
import { servedPhrase, timeServed } from '@haven/core/detained/time-served'
import { formatCoarseDate } from '@haven/core/i18n/format'
import type { Locale } from '@haven/core/i18n/locales'
import { type Translator, translatorFor } from '@haven/core/i18n/translate'
import { campaignPath, sectionPath } from '@haven/core/site/site-paths'
import type { Hono } from 'hono'
import { today } from '../../app-context.js'
import type { HavenEnv } from '../../http/hono-env.js'
import { pathLocale } from '../../site/content-routes.js'
import { findCampaign, liveCampaigns } from '../../site/published-store.js'
import { everyLanguage, type SiteRenderer } from '../../site/site-renderer.js'
import type { SiteCampaignsTable } from '../../site/site-tables.js'

const SLUG = ':slug{[a-z0-9]+(?:-[a-z0-9]+)*}'
const isStatus = (s: string | null): s is DetentionStatus =>
  s !== null && (DETENTION_STATUSES as readonly string[]).includes(s)

/** The page's title: the name of a public figure, or words that name nobody. */
const titleOf = (c: SiteCampaignsTable, t: Translator) =>
  c.public_name ?? t('detained.site.unnamed')

/** The text in the reader's language, a paragraph per blank line (plain text: nothing rendered). */
function CampaignText({ text }: { text: string }) {
  return (
    <div class="prose">
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p}>{p}</p>
        ))}
    </div>
  )
}

/** Only the facts the approver chose; the time served counted to today (or to release). */
function CampaignFacts(props: {
  c: SiteCampaignsTable
  locale: Locale
  t: Translator
  on: string
}) {
  const { c, locale, t } = props
  const served =
    c.arrested_on && c.term_months !== null
      ? servedPhrase(
          timeServed(
            { arrestedOn: c.arrested_on, termMonths: c.term_months, releasedOn: c.ended_on },
            props.on,
          ),
          c.term_months,
          t,
          locale,
        )
      : null
  if (!c.arrested_on && !served && !isStatus(c.status)) return null
  return (
    <dl class="event">
      {c.arrested_on && (
        <>
          <dt>{t('detained.site.arrested')}</dt>
          <dd>
            {c.arrest_place
              ? t('detained.site.arrested_at', {
                  date: formatCoarseDate(locale, c.arrested_on),
                  place: c.arrest_place,
                })
              : formatCoarseDate(locale, c.arrested_on)}
          </dd>
        </>
      )}
      {served && (
        <>
          <dt>{t('detained.site.served')}</dt>
          <dd>{served}</dd>
        </>
      )}
      {isStatus(c.status) && (
        <>
          <dt>{t('detained.site.status')}</dt>
          <dd>{t(`detained.status.${c.status}`)}</dd>
        </>
      )}
    </dl>
  )
}

/**
 * The public campaign pages of detained aid workers, in every language: a list at /campaigns/ (in
 * the site's navigation and sitemap) and a page per approved campaign. Only what an approver chose
 * is in the published table these read; a withdrawn page answers 410 Gone, one never approved 404.
 * No script: the time served is counted here, on the day of the request.
 */
export function campaignPages(site: Hono<HavenEnv>, r: SiteRenderer): void {
  const db = r.reader.db
  const index = sectionPath('campaigns')

  site.get(`/:lang{[a-z]{2}}${index}`, (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    const on = today(r.app)
    return r.cached(c, `campaigns:${locale}:${on}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const campaigns = await liveCampaigns(db)
      return r.page(
        locale,
        {
          title: t('detained.site.title'),
          description: t('detained.site.lead'),
          path: index,
          alternates: everyLanguage(index),
          section: 'campaigns',
        },
        <>
          <h1>{t('detained.site.title')}</h1>
          <p class="lead">{t('detained.site.lead')}</p>
          {campaigns.length === 0 ? (
            <p>{t('detained.site.none')}</p>
          ) : (
            <ul class="campaigns">
              {campaigns.map((campaign) => (
                <li key={campaign.slug}>
                  <h2>
                    <a href={`/${locale}${campaignPath(campaign.slug)}`}>{titleOf(campaign, t)}</a>
                  </h2>
                  <CampaignFacts c={campaign} locale={locale} t={t} on={on} />
                </li>
              ))}
            </ul>
          )}
        </>,
        updatedAt,
      )
    })
  })

  site.get(`/:lang{[a-z]{2}}${index}${SLUG}`, async (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    const slug = c.req.param('slug') ?? ''
    const path = campaignPath(slug)
    const t = translatorFor(locale)
    const found = await findCampaign(db, slug)
    if (!found) return c.notFound()
    if (found.withdrawn_at !== null)
      return r.send(
        c,
        locale,
        {
          title: t('detained.site.gone'),
          description: t('detained.site.lead'),
          path,
          alternates: everyLanguage(path),
          noindex: true,
          section: 'campaigns',
        },
        <>
          <h1>{t('detained.site.gone')}</h1>
          <p class="back">
            <a href={`/${locale}${index}`}>{t('detained.site.title')}</a>
          </p>
        </>,
        410,
      )
    const on = today(r.app)
    return r.cached(c, `campaign:${slug}:${locale}:${on}`, async (updatedAt) => {
      const campaign = await findCampaign(db, slug)
      if (!campaign || campaign.withdrawn_at !== null) return null
      const text = (locale === 'ja' ? campaign.text_ja : campaign.text_en) ?? ''
      return r.page(
        locale,
        {
          title: titleOf(campaign, t),
          description: text.slice(0, 160),
          path,
          alternates: everyLanguage(path),
          section: 'campaigns',
        },
        <article>
          <h1>{titleOf(campaign, t)}</h1>
          <CampaignFacts c={campaign} locale={locale} t={t} on={on} />
          <CampaignText text={text} />
          <p class="back">
            <a href={`/${locale}${index}`}>{t('detained.site.title')}</a>
          </p>
        </article>,
        updatedAt,
      )
    })
  })
}
