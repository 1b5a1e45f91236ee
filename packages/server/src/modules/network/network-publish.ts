import type { Locale } from '@haven/core/i18n/locales'
import type { PublishEvent } from '@haven/core/network/network-schemas'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { errors } from '../../http/errors.js'
import { publishSiteEvent } from '../cms/index.js'
import { markEventPublished } from './network-store.js'
import type { NetworkEventsTable } from './network-tables.js'

/** "Geneva, Switzerland" / 「Geneva、スイス」: the city as recorded, the country in the reader's language. */
export function placeOf(event: Pick<NetworkEventsTable, 'city' | 'country'>, locale: Locale) {
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(event.country)
  const name = country ?? event.country
  if (!event.city) return name
  return locale === 'ja' ? `${event.city}、${name}` : `${event.city}, ${name}`
}

/**
 * Puts a recorded event on the public website through the cms module's door: a news page per
 * language with the event's own dates and place (so the page cannot contradict the record),
 * rendered by the site with schema.org Event JSON-LD. Page and audit entry are one transaction.
 */
export async function publishEvent(
  app: AppContext,
  event: NetworkEventsTable,
  input: PublishEvent,
  by: Actorish,
): Promise<{ entryId: string; paths: string[] }> {
  return app.database.db.transaction().execute(async (trx) => {
    const locales = input.documents.map((d) => d.locale)
    // First, so two editors publishing at once cannot put the same event on the site twice.
    if (!(await markEventPublished(trx, event.id, input.slug, locales)))
      throw errors.eventPublished()
    const { entryId } = await publishSiteEvent(
      app,
      trx,
      {
        slug: input.slug,
        startsOn: event.starts_on,
        endsOn: event.ends_on,
        documents: input.documents.map((d) => ({ ...d, place: placeOf(event, d.locale) })),
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.event_published',
      entityType: 'Partner',
      entityId: event.id,
      compartmentId: null,
      requestId: by.requestId,
      details: { entryId, locales },
    })
    return { entryId, paths: locales.map((l) => `/${l}/news/${input.slug}`) }
  })
}
