import type { Locale } from '../i18n/locales.js'
import { translate } from '../i18n/translate.js'
import type { Programme } from '../money/programmes.js'

/** IATI's version of the standard the files follow. */
export const IATI_VERSION = '2.03'

/**
 * Each programme's DAC 5-digit sector (IATI Sector codelist, vocabulary 1): what a donor's
 * system files the activity under. Checked against the codelist by the server's IATI test.
 */
export const PROGRAMME_SECTORS: Readonly<Record<Programme, string>> = Object.freeze({
  food: '72040', // Emergency food assistance
  shelters: '72010', // Material relief assistance and services
  education: '11220', // Primary education
  medical: '12220', // Basic health care
  resettlement: '15190', // Facilitation of orderly, safe, regular and responsible migration
  advocacy: '15160', // Human rights
  administration: '91010', // Administrative costs (non-sector allocable)
})

/** The organisation as it publishes itself: its IATI identifier, type, names and countries. */
export interface IatiPublisher {
  /** `JP-CN-…` (registration agency prefix, then the organisation's number). */
  readonly ref: string
  /** OrganisationType code (22: national NGO). */
  readonly type: string
  readonly name: Readonly<Record<Locale, string>>
  /** Countries the activities take place in, at country level only, percentages adding to 100. */
  readonly countries: readonly { readonly code: string; readonly percentage: number }[]
}

/** A fiscal year's first and last day and its label ("2005–2006"). */
export interface IatiPeriod {
  readonly from: string
  readonly to: string
  readonly label: string
}

/** A figure of the published annual report (never a live count): the number the public read. */
export interface IatiResult {
  readonly key: string
  readonly title: Readonly<Record<Locale, string>>
  readonly value: number
}

/** One programme's year: its budget and spending in the books, and its published results. */
export interface IatiProgrammeYear {
  readonly programme: Programme
  /** Decimal text in the file's currency ("1440000"); "0" when no budget was set. */
  readonly budget: string
  /** Spending per month (YYYY-MM), decimal text; months without spending are left out. */
  readonly spending: readonly { readonly month: string; readonly amount: string }[]
  readonly results: readonly IatiResult[]
}

export interface IatiActivitiesInput {
  readonly publisher: IatiPublisher
  readonly period: IatiPeriod
  readonly currency: string
  /** ISO date-time the file was made (also each activity's last-updated time). */
  readonly generatedAt: string
  readonly programmes: readonly IatiProgrammeYear[]
}

export interface IatiOrganisationInput {
  readonly publisher: IatiPublisher
  readonly period: IatiPeriod
  readonly currency: string
  readonly generatedAt: string
  /** The year's total budget and spending, with a line per programme (decimal text). */
  readonly budget: { readonly total: string; readonly lines: readonly ProgrammeAmount[] }
  readonly expenditure: { readonly total: string; readonly lines: readonly ProgrammeAmount[] }
  /** The published annual report on the public site, when there is one. */
  readonly annualReport: {
    readonly url: string
    readonly title: Readonly<Record<Locale, string>>
  } | null
}

export interface ProgrammeAmount {
  readonly programme: Programme
  readonly amount: string
}

/** Text for an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('')

/** The English narrative first (the file's language), then the Japanese one. */
function narratives(text: Readonly<Record<Locale, string>>, indent: string): string {
  return [
    `${indent}<narrative>${xmlEscape(text.en)}</narrative>`,
    `${indent}<narrative xml:lang="ja">${xmlEscape(text.ja)}</narrative>`,
  ].join('\n')
}

const both = (key: Parameters<typeof translate>[1], params: Record<string, string> = {}) => ({
  en: translate('en', key, params),
  ja: translate('ja', key, params),
})

/** The last day of a month given as YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y ?? 0, m ?? 0, 0)).toISOString().slice(0, 10)
}

const programmeTitle = (p: Programme) => both(`programme.${p}`)

function reportingOrg(publisher: IatiPublisher, indent: string): string {
  return [
    `${indent}<reporting-org${attrs({ ref: publisher.ref, type: publisher.type })}>`,
    narratives(publisher.name, `${indent}  `),
    `${indent}</reporting-org>`,
  ].join('\n')
}

function value(currency: string, date: string, amount: string, indent: string): string {
  return `${indent}<value${attrs({ currency, 'value-date': date })}>${xmlEscape(amount)}</value>`
}

function activity(input: IatiActivitiesInput, year: IatiProgrammeYear): string {
  const { publisher, period, currency } = input
  const name = programmeTitle(year.programme)
  const lines: string[] = [
    `  <iati-activity${attrs({
      'last-updated-datetime': input.generatedAt,
      'xml:lang': 'en',
      'default-currency': currency,
      humanitarian: '1',
    })}>`,
    `    <iati-identifier>${xmlEscape(`${publisher.ref}-${year.programme}`)}</iati-identifier>`,
    reportingOrg(publisher, '    '),
    '    <title>',
    narratives(
      {
        en: `${publisher.name.en}: ${name.en}`,
        ja: `${publisher.name.ja}：${name.ja}`,
      },
      '      ',
    ),
    '    </title>',
    '    <description type="1">',
    narratives(both('exchange.iati_activity_description', { year: period.label }), '      '),
    '    </description>',
    `    <participating-org${attrs({ ref: publisher.ref, type: publisher.type, role: '4' })}>`,
    narratives(publisher.name, '      '),
    '    </participating-org>',
    // 2: implementation. The programmes are the organisation's standing work.
    '    <activity-status code="2"/>',
    `    <activity-date${attrs({ type: '2', 'iso-date': period.from })}/>`,
  ]
  for (const c of publisher.countries)
    lines.push(`    <recipient-country${attrs({ code: c.code, percentage: c.percentage })}/>`)
  lines.push(
    `    <sector${attrs({ vocabulary: '1', code: PROGRAMME_SECTORS[year.programme], percentage: 100 })}/>`,
  )
  if (year.budget !== '0')
    lines.push(
      // type 1 original, status 2 committed: the budget finance set for the year.
      '    <budget type="1" status="2">',
      `      <period-start iso-date="${period.from}"/>`,
      `      <period-end iso-date="${period.to}"/>`,
      value(currency, period.from, year.budget, '      '),
      '    </budget>',
    )
  for (const s of year.spending) {
    const day = monthEnd(s.month)
    lines.push(
      '    <transaction>',
      // 4: expenditure. One line per month: the month's total, never a single payment.
      '      <transaction-type code="4"/>',
      `      <transaction-date iso-date="${day}"/>`,
      value(currency, day, s.amount, '      '),
      '      <description>',
      narratives(both('exchange.iati_month_spending', { month: s.month }), '        '),
      '      </description>',
      '    </transaction>',
    )
  }
  for (const r of year.results)
    lines.push(
      // type 1 output; measure 1 unit. The value is the one the annual report published.
      '    <result type="1" aggregation-status="0">',
      '      <title>',
      narratives(r.title, '        '),
      '      </title>',
      '      <indicator measure="1">',
      '        <title>',
      narratives(r.title, '          '),
      '        </title>',
      '        <period>',
      `          <period-start iso-date="${period.from}"/>`,
      `          <period-end iso-date="${period.to}"/>`,
      `          <actual value="${r.value}"/>`,
      '        </period>',
      '      </indicator>',
      '    </result>',
    )
  lines.push('  </iati-activity>')
  return lines.join('\n')
}

/** An IATI 2.03 activity file: one activity per programme, with the year's figures. */
export function iatiActivitiesXml(input: IatiActivitiesInput): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<iati-activities${attrs({ version: IATI_VERSION, 'generated-datetime': input.generatedAt })}>`,
    ...input.programmes.map((p) => activity(input, p)),
    '</iati-activities>',
    '',
  ].join('\n')
}

function amountLines(
  element: 'budget-line' | 'expense-line',
  lines: readonly ProgrammeAmount[],
  currency: string,
  date: string,
): string[] {
  return lines.flatMap((l) => [
    `      <${element} ref="${l.programme}">`,
    value(currency, date, l.amount, '        '),
    narratives(programmeTitle(l.programme), '        '),
    `      </${element}>`,
  ])
}

/** An IATI 2.03 organisation file: the year's total budget and expenditure by programme. */
export function iatiOrganisationXml(input: IatiOrganisationInput): string {
  const { publisher, period, currency } = input
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<iati-organisations${attrs({ version: IATI_VERSION, 'generated-datetime': input.generatedAt })}>`,
    `  <iati-organisation${attrs({
      'last-updated-datetime': input.generatedAt,
      'xml:lang': 'en',
      'default-currency': currency,
    })}>`,
    `    <organisation-identifier>${xmlEscape(publisher.ref)}</organisation-identifier>`,
    '    <name>',
    narratives(publisher.name, '      '),
    '    </name>',
    reportingOrg(publisher, '    '),
  ]
  if (input.budget.lines.length > 0)
    lines.push(
      '    <total-budget status="2">',
      `      <period-start iso-date="${period.from}"/>`,
      `      <period-end iso-date="${period.to}"/>`,
      value(currency, period.from, input.budget.total, '      '),
      ...amountLines('budget-line', input.budget.lines, currency, period.from),
      '    </total-budget>',
    )
  if (input.expenditure.lines.length > 0)
    lines.push(
      '    <total-expenditure>',
      `      <period-start iso-date="${period.from}"/>`,
      `      <period-end iso-date="${period.to}"/>`,
      value(currency, period.to, input.expenditure.total, '      '),
      ...amountLines('expense-line', input.expenditure.lines, currency, period.to),
      '    </total-expenditure>',
    )
  if (input.annualReport)
    lines.push(
      // B01: the organisation's annual report, as the public site serves it.
      `    <document-link${attrs({ format: 'text/html', url: input.annualReport.url })}>`,
      '      <title>',
      narratives(input.annualReport.title, '        '),
      '      </title>',
      '      <category code="B01"/>',
      '      <language code="en"/>',
      '      <language code="ja"/>',
      `      <document-date iso-date="${period.to}"/>`,
      '    </document-link>',
    )
  lines.push('  </iati-organisation>', '</iati-organisations>', '')
  return lines.join('\n')
}
