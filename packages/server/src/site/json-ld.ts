/**
 * schema.org descriptions of pages, as JSON-LD data blocks. A data block is never executed (the
 * site's Content-Security-Policy allows no script at all), and `<`, `>` and `&` are escaped so
 * text from a page can never close the element it sits in.
 */
export type JsonLd = Record<string, unknown>

export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export interface Organisation {
  name: string
  url: string
  description: string
}

export function ngoLd(org: Organisation, locale: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    '@id': `${org.url}/#organisation`,
    name: org.name,
    url: `${org.url}/`,
    description: org.description,
    inLanguage: locale,
  }
}

const publisher = (org: Organisation) => ({ '@id': `${org.url}/#organisation` })

export function articleLd(
  org: Organisation,
  page: {
    url: string
    title: string
    summary: string
    locale: string
    publishedAt: string
    updatedAt: string
    image: string | null
  },
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title.slice(0, 110),
    description: page.summary || undefined,
    inLanguage: page.locale,
    datePublished: page.publishedAt,
    dateModified: page.updatedAt,
    mainEntityOfPage: page.url,
    url: page.url,
    author: publisher(org),
    publisher: publisher(org),
    ...(page.image ? { image: page.image } : {}),
  }
}

export function reportLd(
  org: Organisation,
  page: {
    url: string
    title: string
    summary: string
    locale: string
    publishedAt: string
    fiscalYear: number | null
    fiscalYearStartMonth: number
  },
): JsonLd {
  const fy = page.fiscalYear
  const start = String(page.fiscalYearStartMonth).padStart(2, '0')
  const endMonth = ((page.fiscalYearStartMonth + 10) % 12) + 1
  const endYear = page.fiscalYearStartMonth === 1 ? fy : fy === null ? null : fy + 1
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: page.title,
    description: page.summary || undefined,
    inLanguage: page.locale,
    datePublished: page.publishedAt,
    url: page.url,
    author: publisher(org),
    publisher: publisher(org),
    ...(fy !== null && endYear !== null
      ? { temporalCoverage: `${fy}-${start}/${endYear}-${String(endMonth).padStart(2, '0')}` }
      : {}),
  }
}

export function eventLd(
  org: Organisation,
  event: { url: string; name: string; start: string; end: string | null; place: string | null },
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.name,
    startDate: event.start,
    ...(event.end ? { endDate: event.end } : {}),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    ...(event.place
      ? { location: { '@type': 'Place', name: event.place, address: event.place } }
      : {}),
    organizer: publisher(org),
    url: event.url,
  }
}
