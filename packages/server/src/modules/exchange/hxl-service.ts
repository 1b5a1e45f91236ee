import { hxlHeadings } from '@haven/core/exchange/hxl'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import { isCurrencyCode, minorUnits } from '@haven/core/money/currency'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { stringify } from 'csv-stringify/sync'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { neutraliseCell } from '../../csv/spreadsheet-csv.js'
import { errors } from '../../http/errors.js'
import { type PublishedTable, publishedReport } from '../report/index.js'

/** A money cell's number in its currency's units (the report keeps minor units: fen, cents). */
function cellNumber(table: PublishedTable, value: number | null, label: string | null): string {
  if (value === null) return ''
  if (table.unit !== 'money-minor') return String(value)
  const currency = label?.split(' × ')[0] ?? ''
  // Without a currency the amount cannot be read, so only the published text is given.
  if (!isCurrencyCode(currency)) return ''
  const digits = minorUnits(currency)
  return digits === 0 ? String(value) : (value / 10 ** digits).toFixed(digits)
}

/**
 * The figures of a fiscal year's published annual report as an HXL-tagged CSV: headings in the
 * reader's language, hashtags on the second row, one row per published cell (totals and
 * categories) with the number shown and the words printed ("a few"). Only what the report
 * published: never a live count, never a value the disclosure engine held back. Audited.
 */
export async function hxlReportFigures(
  app: AppContext,
  year: number,
  locale: Locale,
  by: Actorish,
): Promise<string> {
  const report = await publishedReport(app, year)
  if (!report) throw errors.notFound()
  const fy = fiscalYear(year)
  const rows = report.tables.flatMap((table) =>
    table.cells.map((cell) => [
      fy.label,
      fy.from,
      fy.to,
      table.key,
      table.label[locale],
      cell.label ?? '',
      cellNumber(table, cell.value, cell.label),
      cell.text[locale],
      translate(locale, `exchange.hxl.unit.${table.unit}` as MessageKey),
    ]),
  )
  await audit(app, app.database.db, {
    actorId: by.actorId,
    action: 'export.hxl',
    entityType: 'AnnualReport',
    entityId: String(year),
    requestId: by.requestId,
    details: { fiscalYear: year, locale, rows: rows.length },
  })
  // A byte-order mark so spreadsheet programs read Japanese as UTF-8; every cell guarded.
  return `\ufeff${stringify([...hxlHeadings(locale), ...rows].map((r) => r.map(neutraliseCell)))}`
}
