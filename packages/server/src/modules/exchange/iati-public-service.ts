import type { IatiPublicView } from '@haven/core/exchange/iati-schema'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { publishedOpenData, publishOpenData, withdrawOpenData } from '../cms/index.js'
import { iatiActivitiesFile, iatiOrganisationFile } from './iati-service.js'

const PREFIX = '/open-data/iati/'
const KINDS = ['activities', 'organisation'] as const

/** The stable public address of a year's IATI file (what an IATI registry entry points at). */
export const iatiPublicPath = (kind: (typeof KINDS)[number], year: number) =>
  `${PREFIX}fy${year}/${kind}.xml`

/** The years whose IATI files are on the public site, with their addresses. */
export async function iatiPublicFiles(app: AppContext): Promise<IatiPublicView> {
  const years = new Map<number, { paths: string[]; updatedAt: string }>()
  for (const row of await publishedOpenData(app, PREFIX)) {
    const year = Number(/^\/open-data\/iati\/fy(\d{4})\//.exec(row.path)?.[1])
    if (!Number.isInteger(year)) continue
    const entry = years.get(year) ?? { paths: [], updatedAt: row.updated_at }
    entry.paths.push(row.path)
    if (row.updated_at > entry.updatedAt) entry.updatedAt = row.updated_at
    years.set(year, entry)
  }
  return {
    items: [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([fiscalYear, entry]) => ({
        fiscalYear,
        paths: entry.paths,
        urls: entry.paths.map((path) => `${app.urls.public}${path}`),
        updatedAt: entry.updatedAt,
      })),
  }
}

/**
 * Publishes (or refreshes) a fiscal year's IATI organisation and activity files at their stable
 * public addresses, listed in the site's sitemap. The files are made as the staff download makes
 * them (results only from the published annual report); both or neither are published. Audited.
 */
export async function publishIatiYear(
  app: AppContext,
  year: number,
  by: Actorish,
): Promise<IatiPublicView> {
  const encode = (xml: string) => new TextEncoder().encode(xml)
  const activities = await iatiActivitiesFile(app, year, by)
  const organisation = await iatiOrganisationFile(app, year, by)
  await publishOpenData(app, [
    { path: iatiPublicPath('activities', year), contentType: XML, data: encode(activities) },
    { path: iatiPublicPath('organisation', year), contentType: XML, data: encode(organisation) },
  ])
  await audit(app, app.database.db, {
    actorId: by.actorId,
    action: 'exchange.iati_published',
    entityType: 'IatiPublication',
    requestId: by.requestId,
    details: { fiscalYear: year },
  })
  return iatiPublicFiles(app)
}

/** Takes a fiscal year's IATI files off the public site (and its sitemap). Audited. */
export async function withdrawIatiYear(
  app: AppContext,
  year: number,
  by: Actorish,
): Promise<IatiPublicView> {
  const removed = await withdrawOpenData(
    app,
    KINDS.map((kind) => iatiPublicPath(kind, year)),
  )
  if (removed > 0)
    await audit(app, app.database.db, {
      actorId: by.actorId,
      action: 'exchange.iati_withdrawn',
      entityType: 'IatiPublication',
      requestId: by.requestId,
      details: { fiscalYear: year },
    })
  return iatiPublicFiles(app)
}

const XML = 'application/xml; charset=utf-8'
