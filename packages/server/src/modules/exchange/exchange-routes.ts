import { importQuerySchema, importReportView } from '@haven/core/exchange/exchange-schema'
import {
  iatiFileQuery,
  iatiPublicParams,
  iatiPublicView,
  iatiSettingsSchema,
  iatiSettingsView,
} from '@haven/core/exchange/iati-schema'
import { recordImportReportView } from '@haven/core/exchange/record-import-schema'
import { LOCALES } from '@haven/core/i18n/locales'
import { z } from 'zod'
import { defineRoute, type RouteAccess } from '../../api/api-route.js'
import { hxlReportFigures } from './hxl-service.js'
import { iatiPublicFiles, publishIatiYear, withdrawIatiYear } from './iati-public-service.js'
import {
  iatiActivitiesFile,
  iatiFileName,
  iatiOrganisationFile,
  iatiSettings,
  setIatiSettings,
} from './iati-service.js'
import { importPeople } from './people-import-service.js'
import {
  distributionsKind,
  donationsKind,
  partnersKind,
  sponsorsKind,
  suppliesKind,
} from './record-import-kinds.js'
import {
  importRecords,
  type RecordImportKindDefinition,
  type RecordImportQueryOf,
} from './record-import-service.js'

/**
 * A spreadsheet of 100,000 people with every column filled stays under this. The file is kept
 * sealed on disk while it is read (never whole in memory).
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

const IATI = { kind: 'policy', entity: 'IatiPublication' } as const

/** What a records import may answer besides its report. */
const RECORD_IMPORT_ERRORS = [
  'notFound',
  'forbidden',
  'validationFailed',
  'payloadTooLarge',
  'importUnreadable',
  'importHasErrors',
  'importConflict',
  'recordFrozen',
] as const

/**
 * One records-import route: only its path, summary, who may import and the kind differ. The
 * access rule's `record` is typed by the kind's query, so a kind recorded in a compartment can
 * authorize against the one the query names.
 */
function recordImportRoute<F extends string, T, C extends boolean>(route: {
  path: string
  summary: string
  access: RouteAccess<undefined, RecordImportQueryOf<C>, undefined, undefined>
  kind: RecordImportKindDefinition<F, T, C>
}) {
  return defineRoute({
    method: 'post',
    path: route.path,
    summary: route.summary,
    tag: 'exchange',
    access: route.access,
    query: route.kind.query,
    upload: { maxBytes: MAX_IMPORT_BYTES, spool: true },
    response: recordImportReportView,
    errors: RECORD_IMPORT_ERRORS,
    async handle({ app, file, query, audit: by }) {
      return importRecords(app, route.kind, file, query, by)
    },
  })
}

export const exchangeRoutes = [
  defineRoute({
    method: 'post',
    path: '/exchange/people/imports',
    summary:
      'Import people from a CSV (UTF-8 or Shift_JIS) or XLSX file: dryRun=1 checks every row and writes nothing; otherwise all rows or none, skipping rows imported before',
    tag: 'exchange',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'create',
      // The people are registered in the compartment the query names.
      record: (_loaded, { query }) => ({ compartmentId: query.compartmentId }),
    },
    query: importQuerySchema,
    upload: { maxBytes: MAX_IMPORT_BYTES, spool: true },
    response: importReportView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'payloadTooLarge',
      'importUnreadable',
      'importHasErrors',
      'importDuplicates',
      'importConflict',
      'recordFrozen',
    ],
    async handle({ app, file, query, audit: by }) {
      return importPeople(app, file, query, by)
    },
  }),
  recordImportRoute({
    path: '/exchange/distributions/imports',
    summary:
      'Import headcount distributions (day, headcount) into a compartment from a CSV or XLSX file, under its allowance policy: a row past the daily or monthly cap is refused with its own message. dryRun=1 rehearses every row and undoes it; otherwise all rows or none, skipping rows imported before',
    access: {
      kind: 'policy',
      entity: 'Distribution',
      action: 'create',
      // Who may record a distribution there may import them there.
      record: (_loaded, { query }) => ({ compartmentId: query.compartmentId }),
    },
    kind: distributionsKind,
  }),
  recordImportRoute({
    path: '/exchange/donations/imports',
    summary:
      'Import donations received (JPY, CNY or USD; donors by code only) into the books from a CSV or XLSX file: a row in a closed month or without a rate is refused with its own message. dryRun=1 rehearses every row and undoes it; otherwise all rows or none, skipping rows imported before',
    // Who may post to the books may import donations into them.
    access: { kind: 'policy', entity: 'Ledger', action: 'create' },
    kind: donationsKind,
  }),
  recordImportRoute({
    path: '/exchange/partners/imports',
    summary:
      'Import partner organisations (name, type, country, region, website, relationship) from a CSV or XLSX file, as the network screen creates them; no contacts. dryRun=1 rehearses every row and undoes it; otherwise all rows or none, skipping rows imported before',
    // Who may add a partner may import them.
    access: { kind: 'policy', entity: 'Partner', action: 'create' },
    kind: partnersKind,
  }),
  recordImportRoute({
    path: '/exchange/sponsors/imports',
    summary:
      'Import sponsors (kind, language, contact) into a compartment from a CSV or XLSX file; each contact is sealed there as the sponsorship screen seals it. dryRun=1 rehearses every row and undoes it; otherwise all rows or none, skipping rows imported before',
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'create',
      // Who may add a sponsor there may import them there.
      record: (_loaded, { query }) => ({ compartmentId: query.compartmentId }),
    },
    kind: sponsorsKind,
  }),
  recordImportRoute({
    path: '/exchange/supplies/imports',
    summary:
      'Import supplies received (item and warehouse or shelter by their EN or JA names, quantity, unit, day, note) from a CSV or XLSX file, recorded as stock coming in. dryRun=1 rehearses every row and undoes it; otherwise all rows or none, skipping rows imported before',
    // Who may record a stock movement may import them (supplies are the organisation's).
    access: { kind: 'policy', entity: 'Supplies', action: 'create' },
    kind: suppliesKind,
  }),
  defineRoute({
    method: 'get',
    path: '/exchange/iati/settings',
    summary: 'What the organisation publishes to IATI as (null until set)',
    tag: 'exchange',
    access: { ...IATI, action: 'read' },
    response: iatiSettingsView,
    async handle({ app }) {
      return iatiSettings(app)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/exchange/iati/settings',
    summary:
      'Set the IATI organisation identifier, type, names (EN, JA) and countries (percentages adding to 100). Audited.',
    tag: 'exchange',
    access: { ...IATI, action: 'update' },
    body: iatiSettingsSchema,
    response: iatiSettingsView,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      return setIatiSettings(app, body, by)
    },
  }),
  ...(['activities', 'organisation'] as const).map((kind) =>
    defineRoute({
      method: 'get',
      path: `/exchange/iati/${kind}.xml`,
      summary:
        kind === 'activities'
          ? 'The IATI 2.03 activity file of a fiscal year: one activity per programme, monthly spending from the books, results as the published annual report showed them. Audited.'
          : 'The IATI 2.03 organisation file of a fiscal year: total budget and expenditure by programme, and the published annual report. Audited.',
      tag: 'exchange',
      access: { ...IATI, action: 'export' },
      query: iatiFileQuery,
      binary: true,
      response: z.unknown(),
      errors: ['validationFailed', 'iatiNotConfigured', 'iatiEmptyYear', 'noExchangeRate'],
      async handle({ app, query, audit: by }) {
        const make = kind === 'activities' ? iatiActivitiesFile : iatiOrganisationFile
        return {
          bytes: new TextEncoder().encode(await make(app, query.fiscalYear, by)),
          contentType: 'application/xml; charset=utf-8',
          fileName: iatiFileName(kind, query.fiscalYear),
        }
      },
    }),
  ),
  defineRoute({
    method: 'get',
    path: '/exchange/iati/public',
    summary:
      'The fiscal years whose IATI files are on the public site, with their stable addresses',
    tag: 'exchange',
    access: { ...IATI, action: 'read' },
    response: iatiPublicView,
    async handle({ app }) {
      return iatiPublicFiles(app)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/exchange/iati/public/:fiscalYear',
    summary:
      'Publish (or refresh) a fiscal year’s IATI organisation and activity files at stable addresses of the public site, listed in its sitemap. Audited.',
    tag: 'exchange',
    access: { ...IATI, action: 'update' },
    params: iatiPublicParams,
    response: iatiPublicView,
    errors: ['validationFailed', 'iatiNotConfigured', 'iatiEmptyYear', 'noExchangeRate'],
    async handle({ app, params, audit: by }) {
      return publishIatiYear(app, params.fiscalYear, by)
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/exchange/iati/public/:fiscalYear',
    summary: 'Take a fiscal year’s IATI files off the public site and its sitemap. Audited.',
    tag: 'exchange',
    access: { ...IATI, action: 'update' },
    params: iatiPublicParams,
    response: iatiPublicView,
    errors: ['validationFailed'],
    async handle({ app, params, audit: by }) {
      return withdrawIatiYear(app, params.fiscalYear, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exchange/hxl/report-figures.csv',
    summary:
      'The figures of a fiscal year’s published annual report as CSV with HXL hashtags on the second row (headings in EN or JA); formula-neutralised. Audited.',
    tag: 'exchange',
    access: { kind: 'policy', entity: 'PublishedFigures', action: 'export' },
    query: iatiFileQuery.extend({ lang: z.enum(LOCALES).default('en') }),
    binary: true,
    response: z.unknown(),
    errors: ['validationFailed', 'notFound'],
    async handle({ app, query, audit: by }) {
      const csv = await hxlReportFigures(app, query.fiscalYear, query.lang, by)
      return {
        bytes: new TextEncoder().encode(csv),
        contentType: 'text/csv; charset=utf-8',
        fileName: `haven-figures-fy${query.fiscalYear}-${query.lang}-hxl.csv`,
      }
    },
  }),
]
