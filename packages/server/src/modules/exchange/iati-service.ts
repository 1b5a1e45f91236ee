import {
  type IatiProgrammeYear,
  type IatiPublisher,
  type IatiResult,
  iatiActivitiesXml,
  iatiOrganisationXml,
  monthEnd,
} from '@haven/core/exchange/iati'
import type { IatiSettings, IatiSettingsView } from '@haven/core/exchange/iati-schema'
import { isProgramme, PROGRAMMES, type Programme } from '@haven/core/money/programmes'
import { fiscalYearLabel } from '@haven/core/site/fiscal-year'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { errors } from '../../http/errors.js'
import { budgetVsActual } from '../finance/index.js'
import { publishedReport } from '../report/index.js'
import { findIatiSettings, saveIatiSettings } from './exchange-store.js'
import type { ExchangeIatiSettingsTable } from './exchange-tables.js'

/** The files are in yen, the currency of the books' reports. */
const CURRENCY = 'JPY'

/**
 * Which programme a module's published figures are results of. A figure of a module not listed
 * (money figures, the report's own) is not a result of any one programme and is left out.
 */
const PROGRAMME_OF_MODULE: Readonly<Record<string, Programme>> = {
  supplies: 'food',
  shelters: 'shelters',
  sponsorship: 'education',
  classes: 'education',
  medical: 'medical',
  resettlement: 'resettlement',
  detained: 'advocacy',
  network: 'advocacy',
}

function present(row: ExchangeIatiSettingsTable | undefined): IatiSettingsView {
  if (!row) return { settings: null }
  return {
    settings: {
      orgRef: row.org_ref,
      orgType: row.org_type,
      nameEn: row.name_en,
      nameJa: row.name_ja,
      countries: JSON.parse(row.countries) as { code: string; percentage: number }[],
      updatedAt: row.updated_at,
    },
  }
}

export async function iatiSettings(app: AppContext): Promise<IatiSettingsView> {
  return present(await findIatiSettings(app.database.db))
}

/** Saves what the organisation publishes as; audited with the fields that changed. */
export async function setIatiSettings(
  app: AppContext,
  input: IatiSettings,
  by: Actorish,
): Promise<IatiSettingsView> {
  return app.database.db.transaction().execute(async (trx) => {
    const before = present(await findIatiSettings(trx)).settings
    const row: ExchangeIatiSettingsTable = {
      id: 'organisation',
      org_ref: input.orgRef,
      org_type: input.orgType,
      name_en: input.nameEn,
      name_ja: input.nameJa,
      countries: JSON.stringify(input.countries),
      updated_at: app.now().toISOString(),
      updated_by: by.actorId,
    }
    await saveIatiSettings(trx, row)
    const changed = (['orgRef', 'orgType', 'nameEn', 'nameJa', 'countries'] as const).filter(
      (k) => JSON.stringify(before?.[k]) !== JSON.stringify(input[k]),
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'exchange.iati_settings_changed',
      entityType: 'IatiPublication',
      requestId: by.requestId,
      details: { fields: changed },
    })
    return present(row)
  })
}

async function publisherOf(app: AppContext): Promise<IatiPublisher> {
  const settings = (await iatiSettings(app)).settings
  if (!settings) throw errors.iatiNotConfigured()
  return {
    ref: settings.orgRef,
    type: settings.orgType,
    name: { en: settings.nameEn, ja: settings.nameJa },
    countries: settings.countries,
  }
}

/** The fiscal year's budgets and spending per programme from the books, in yen. */
async function booksOf(app: AppContext, year: number) {
  const report = await budgetVsActual(app, year, CURRENCY)
  const first = report.months[0] ?? `${year}-04`
  const last = report.months.at(-1) ?? `${year + 1}-03`
  const period = {
    from: `${first}-01`,
    to: monthEnd(last),
    label: fiscalYearLabel(year, Number(first.slice(5, 7))),
  }
  const programmes = report.programmes.flatMap((p) =>
    isProgramme(p.programme) ? [{ ...p, programme: p.programme }] : [],
  )
  return { period, months: report.months, programmes }
}

async function exported(app: AppContext, kind: string, year: number, by: Actorish) {
  await audit(app, app.database.db, {
    actorId: by.actorId,
    action: 'export.iati',
    entityType: 'IatiPublication',
    requestId: by.requestId,
    details: { file: kind, fiscalYear: year },
  })
}

/**
 * The IATI activity file of a fiscal year: one activity per programme with a budget, spending
 * or published results, its monthly spending totals from the books, and the figures the year's published
 * annual report showed as its results (nothing when the report is not published).
 */
export async function iatiActivitiesFile(
  app: AppContext,
  year: number,
  by: Actorish,
): Promise<string> {
  const publisher = await publisherOf(app)
  const { period, months, programmes } = await booksOf(app, year)
  const results = new Map<Programme, IatiResult[]>()
  for (const f of (await publishedReport(app, year))?.figures ?? []) {
    const programme = PROGRAMME_OF_MODULE[f.module]
    if (!programme || f.unit === 'money-minor') continue
    results.set(programme, [
      ...(results.get(programme) ?? []),
      { key: f.key, title: f.label, value: f.value },
    ])
  }
  // A programme with money in the books or results in the published report, in their order.
  const years: IatiProgrammeYear[] = PROGRAMMES.flatMap((programme) => {
    const books = programmes.find((p) => p.programme === programme)
    const found = results.get(programme) ?? []
    if (!books && found.length === 0) return []
    return [
      {
        programme,
        budget: books?.budgetTotal ?? '0',
        spending: months.flatMap((month, i) => {
          const amount = books?.actual[i] ?? '0'
          return amount === '0' ? [] : [{ month, amount }]
        }),
        results: found,
      },
    ]
  })
  // IATI needs at least one activity in a file: a year with nothing is said, not sent empty.
  if (years.length === 0) throw errors.iatiEmptyYear()
  await exported(app, 'activities', year, by)
  return iatiActivitiesXml({
    publisher,
    period,
    currency: CURRENCY,
    generatedAt: app.now().toISOString(),
    programmes: years,
  })
}

/**
 * The IATI organisation file of a fiscal year: its total budget and expenditure with a line per
 * programme, and a link to the annual report on the public site once it is published.
 */
export async function iatiOrganisationFile(
  app: AppContext,
  year: number,
  by: Actorish,
): Promise<string> {
  const publisher = await publisherOf(app)
  const { period, programmes } = await booksOf(app, year)
  const lines = (pick: (p: (typeof programmes)[number]) => string) =>
    programmes
      .map((p) => ({ programme: p.programme, amount: pick(p) }))
      .filter((l) => l.amount !== '0')
  const sum = (xs: readonly { amount: string }[]) =>
    String(xs.reduce((s, x) => s + Number(x.amount), 0))
  const budget = lines((p) => p.budgetTotal)
  const expenditure = lines((p) => p.actualTotal)
  const report = await publishedReport(app, year)
  await exported(app, 'organisation', year, by)
  return iatiOrganisationXml({
    publisher,
    period,
    currency: CURRENCY,
    generatedAt: app.now().toISOString(),
    budget: { total: sum(budget), lines: budget },
    expenditure: { total: sum(expenditure), lines: expenditure },
    annualReport: report
      ? { url: `${app.urls.public}/en${report.path}`, title: report.title }
      : null,
  })
}

/** The file's name for a download. */
export const iatiFileName = (kind: 'activities' | 'organisation', year: number) =>
  `haven-iati-${kind}-fy${year}.xml`
