import type { Locale } from '@haven/core/i18n/locales'
import type { DisclosureSettings } from '@haven/core/report/disclosure-settings'
import { fillTemplate, placeholdersOf, YEAR_PLACEHOLDER } from '@haven/core/report/report-template'
import { type FiscalYear, fiscalYear } from '@haven/core/site/fiscal-year'
import {
  createDisclosureEngine,
  createHighsSolver,
  crossTable,
  type DisclosureEngine,
  DisclosureError,
  type DisclosureLedger,
  EMPTY_LEDGER,
  flowTable,
  type LpSolver,
  oneWayTable,
  type PreparedRelease,
  type ProtectedCell,
  type ProtectedTable,
  parseLedger,
  parsePeriod,
  type ReleaseTableInput,
  renderCell,
  renderReview,
} from '@haven/disclosure'
import type { Db } from '../../db/db-handle.js'
import { mergeLedgers, readLedger } from '../../disclosure/ledger-store.js'
import { disclosureSensitivity, type Figure, type FigureValue, figureReads } from '../../figures.js'
import type { HavenModule } from '../../haven-module.js'
import { errors } from '../../http/errors.js'
import {
  checkNarrative,
  mentionsTonnes,
  type NarrativeFinding,
  type RecordedQuantity,
} from './report-narrative.js'
import {
  checkDates,
  checkFlows,
  checkMonthlyAmounts,
  checkSums,
  mentionsFlow,
  mentionsMonthlyAmount,
  type RecordedFlow,
  type RecordedYen,
} from './report-narrative-checks.js'
import { enginePolicy } from './report-settings.js'
import { findLatestPublication } from './report-store.js'

/** A figure with the module that offers it. */
export interface CatalogueEntry {
  readonly module: string
  readonly figure: Figure
}

/** Every figure every module offers, in the modules' order: a new module's appear by themselves. */
export function figureCatalogue(modules: readonly HavenModule[]): CatalogueEntry[] {
  return modules.flatMap((m) => (m.figures ?? []).map((figure) => ({ module: m.name, figure })))
}

// HiGHS loads once per process; every compile shares it, under the policy and secret of the day.
let solver: Promise<LpSolver> | undefined

/**
 * How a compile protects the figures: the organisation's settings (thresholds, rounding, numbers
 * never to publish) and its rounding secret, the same for every release (report-secret.ts).
 */
export interface ReportProtection {
  readonly settings: DisclosureSettings
  readonly roundingSecret: Uint8Array
}

async function disclosureEngine(protection: ReportProtection): Promise<DisclosureEngine> {
  solver ??= createHighsSolver()
  return createDisclosureEngine({
    policy: enginePolicy(protection.settings),
    solver: await solver,
    roundingSecret: protection.roundingSecret,
  })
}

/** A published figure showing a number the organisation never publishes. */
export interface DangerousFigure {
  readonly figure: string
  readonly value: number
}

export interface CompiledFigure {
  readonly entry: CatalogueEntry
  readonly table: ProtectedTable
}

export interface CompiledReport {
  readonly year: FiscalYear
  readonly release: PreparedRelease
  readonly figures: readonly CompiledFigure[]
  /** The report as the public would read it, per language. */
  readonly texts: Readonly<Record<Locale, string>>
  /** The ledger of earlier published reports the release was checked against. */
  readonly ledger: DisclosureLedger
  /** Numbers typed in the narrative checked against the records; a contradiction blocks approval. */
  readonly narrative: readonly NarrativeFinding[]
  /** Published cells showing a number on the organisation's list: publishing is refused. */
  readonly dangerous: readonly DangerousFigure[]
}

/** The release id of a year's report in the disclosure ledger. */
export const releaseId = (startYear: number, correction = 0) =>
  correction === 0
    ? `annual-report-FY${startYear}`
    : `annual-report-FY${startYear}-correction-${correction}`

/** The figure keys the templates name, refused (422) when one is not in the catalogue. */
export function templateFigures(
  catalogue: readonly CatalogueEntry[],
  templates: readonly string[],
): CatalogueEntry[] {
  const keys = [...new Set(templates.flatMap(placeholdersOf))].filter((k) => k !== YEAR_PLACEHOLDER)
  const byKey = new Map(catalogue.map((e) => [e.figure.key, e]))
  const unknown = keys.filter((k) => !byKey.has(k))
  if (unknown.length > 0) throw errors.reportUnknownFigure({ figures: unknown.join(', ') })
  return keys.flatMap((k) => byKey.get(k) ?? [])
}

/**
 * What a table counts, when not the figure's own population: a flow's members count one
 * population, and a member given as a table (left, by reason) counts what the flow's category does.
 */
interface Counted {
  readonly measure: string
  readonly population: string
}

/** A figure's value as a table of the engine: a number is a table of one category. */
function statTable(
  entry: CatalogueEntry,
  value: FigureValue,
  year: FiscalYear,
  counted?: Counted,
): ReleaseTableInput {
  const { figure } = entry
  // Tonnes have decimals; money is in whole minor units; people are counted whole, so an
  // average of people (20.3 a day) is protected and published as whole people (20).
  const integer = figure.unit !== 'tonnes'
  const whole = (v: number) => (integer ? Math.round(v) : v)
  const base = {
    id: figure.key,
    title: figure.label.en,
    measure: counted?.measure ?? figure.population ?? figure.key,
    integer,
  }
  const table =
    typeof value === 'number'
      ? oneWayTable({
          ...base,
          dimension: { name: 'all', labels: ['all'] },
          values: [whole(value)],
        })
      : value.dimensions.length === 1 && value.dimensions[0]
        ? oneWayTable({ ...base, dimension: value.dimensions[0], values: value.values.map(whole) })
        : crossTable({
            ...base,
            dimensions: value.dimensions,
            interior: (coordinates) => {
              let index = 0
              coordinates.forEach((c, d) => {
                index = index * (value.dimensions[d]?.labels.length ?? 1) + c
              })
              return whole(value.values[index] ?? Number.NaN)
            },
          })
  return {
    table,
    sensitivity: disclosureSensitivity(figure),
    // Figures of one population are linked: a margin one prints is a cell another may hide.
    context: {
      population: counted?.population ?? figure.population ?? figure.key,
      period: parsePeriod(`FY${year.startYear}`),
    },
  }
}

/** A flow's category in its table: the member's key after the flow's name (`left`). */
const flowLabel = (flowName: string, key: string) =>
  key.startsWith(`${flowName}.`) ? key.slice(flowName.length + 1) : key

/** The measure of a flow's category, as the engine defines a flow table's cells (table-figures.ts). */
const flowMeasure = (flowName: string, key: string) => `${flowName}:${flowLabel(flowName, key)}`

/**
 * The stocks-and-flows the named figures belong to, each with all its members from the
 * catalogue, named or not: a flow protected member by member gives a hidden one away by its
 * balance (start + joined − graduated − transferred − end = left), so the whole flow is one
 * table of the engine, its identity declared. A flow without both its ends is left as figures.
 */
function flowsOf(
  catalogue: readonly CatalogueEntry[],
  entries: readonly CatalogueEntry[],
): Map<string, CatalogueEntry[]> {
  const named = new Set(entries.flatMap((e) => (e.figure.flow ? [e.figure.flow.of.name] : [])))
  const flows = new Map<string, CatalogueEntry[]>()
  for (const e of catalogue) {
    const name = e.figure.flow?.of.name
    if (name === undefined || !named.has(name)) continue
    flows.set(name, [...(flows.get(name) ?? []), e])
  }
  for (const [name, members] of flows) {
    const roles = new Set(members.map((m) => m.figure.flow?.role))
    const ends = members.filter(
      (m) => m.figure.flow?.role === 'start' || m.figure.flow?.role === 'end',
    )
    if (!roles.has('start') || !roles.has('end') || ends.length !== 2) flows.delete(name)
  }
  return flows
}

const flowTableId = (flowName: string) => `flow:${flowName}`

/** A flow's members in one table of the engine: its categories obey start + ins − outs = end. */
function flowTableInput(
  name: string,
  members: readonly CatalogueEntry[],
  values: ReadonlyMap<string, FigureValue>,
  year: FiscalYear,
): ReleaseTableInput {
  const label = (e: CatalogueEntry) => flowLabel(name, e.figure.key)
  const role = (r: string) => members.filter((m) => m.figure.flow?.role === r).map(label)
  const total = (v: FigureValue | undefined) =>
    v === undefined ? Number.NaN : typeof v === 'number' ? v : v.values.reduce((a, b) => a + b, 0)
  const first = members[0]
  return {
    table: flowTable({
      id: flowTableId(name),
      title: first?.figure.flow?.of.label.en ?? name,
      measure: name,
      integer: true,
      flow: {
        dimension: 'flow',
        start: role('start')[0] ?? '',
        inflows: role('in'),
        outflows: role('out'),
        end: role('end')[0] ?? '',
      },
      values: Object.fromEntries(
        members.map((m) => [label(m), Math.round(total(values.get(m.figure.key)))]),
      ),
    }),
    ...(first ? { sensitivity: disclosureSensitivity(first.figure) } : {}),
    context: { population: name, period: parsePeriod(`FY${year.startYear}`) },
  }
}

/** One category of a protected flow table, as a table of one cell: a member figure printed alone. */
function flowMemberView(flow: ProtectedTable, label: string): ProtectedTable | undefined {
  const at = flow.table.dimensions[0]?.labels.indexOf(label) ?? -1
  const cell = flow.cells.find((c) => c.coordinates[0] === at)
  const tableCell = flow.table.cells.find((c) => c.coordinates[0] === at)
  if (at < 0 || !cell || !tableCell) return undefined
  return {
    ...flow,
    table: {
      ...flow.table,
      dimensions: [{ name: 'all', labels: ['all'] }],
      cells: [{ ...tableCell, index: 0, coordinates: [null] }],
      relations: [],
    },
    cells: [{ ...cell, index: 0, coordinates: [null] }],
  }
}

function unprotected(name: string): never {
  throw new DisclosureError('invalid_table', `The flow "${name}" was not protected.`)
}

const totalCell = (t: ProtectedTable) => t.cells.find((c) => c.coordinates.every((x) => x === null))

/** An amount in minor units as the public reads it (`¥1,440,000`, `CN¥1,200.00`). */
function moneyText(minor: number, currency: string, locale: Locale): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    const digits = format.resolvedOptions().maximumFractionDigits ?? 0
    return format.format(minor / 10 ** digits)
  } catch {
    return `${new Intl.NumberFormat(locale).format(minor)} ${currency}`
  }
}

/** One cell's public text: words and dashes from the engine; money with its currency. */
export function cellText(compiled: CompiledFigure, cell: ProtectedCell, locale: Locale): string {
  const { figure } = compiled.entry
  const r = cell.rendering
  const dimension = compiled.table.table.dimensions[0]
  const at = cell.coordinates[0]
  if (
    figure.unit === 'money-minor' &&
    (r.kind === 'number' || r.kind === 'rounded') &&
    dimension?.name === 'currency' &&
    at !== null &&
    at !== undefined
  )
    return moneyText(r.value, dimension.labels[at] ?? '', locale)
  const text = renderCell(r, locale)
  // Japanese counts people with a counter; the words (数名, 十数名) carry their own, so a
  // template writes neither and reads the same whichever the engine chose.
  const people = figure.unit === 'people' || figure.unit === 'people-per-day'
  return locale === 'ja' && people && (r.kind === 'number' || r.kind === 'rounded')
    ? `${text}人`
    : text
}

/** What a placeholder becomes: a number or word inline, or a Markdown table for a table. */
function figureText(compiled: CompiledFigure, locale: Locale): string {
  const { table } = compiled
  const dims = table.table.dimensions
  const single = dims.length === 1 && dims[0]?.name === 'all'
  if (single) {
    const total = totalCell(table)
    return total ? cellText(compiled, total, locale) : '—'
  }
  const label = compiled.entry.figure.label[locale]
  const head = `| ${dims.map((d) => d.name).join(' | ')} | ${label} |`
  const rule = `|${dims.map(() => ' --- |').join('')} ---: |`
  const rows = table.cells
    .filter((c) => c.level === 0)
    .map((c) => {
      const labels = c.coordinates.map((x, d) => (x === null ? '' : (dims[d]?.labels[x] ?? '')))
      return `| ${labels.join(' | ')} | ${cellText(compiled, c, locale)} |`
    })
  return `\n\n${[head, rule, ...rows].join('\n')}\n\n`
}

/**
 * Each figure's value for the year, computed once per compile however many checks ask for it
 * (the templates, the tonnes and yen the narrative is checked against, the flows), with reads
 * the figures share made once too. Made anew for each compile: nothing outlives the records.
 */
function figureValues(db: Db, year: FiscalYear): (figure: Figure) => Promise<FigureValue> {
  const reads = figureReads()
  const values = new Map<string, Promise<FigureValue>>()
  return (figure) => {
    let value = values.get(figure.key)
    if (!value) {
      value = figure.compute(db, year, reads)
      values.set(figure.key, value)
    }
    return value
  }
}

/**
 * Compiles a year's report: each figure its templates name is computed from the records (in
 * `db`, a transaction when publishing), every one passes the disclosure engine in one release
 * (tables that count the same people are protected together; the differencing guard compares
 * with every published report), and the templates are filled with what the public may see.
 * Unknown placeholders and figures without data are refused (422) before anything is computed
 * or protected.
 */
export async function compileReport(
  modules: readonly HavenModule[],
  db: Db,
  report: { fiscal_year: number; template_en: string; template_ja: string; correction?: number },
  date: string,
  protection: ReportProtection,
): Promise<CompiledReport> {
  const year = fiscalYear(report.fiscal_year)
  const catalogue = figureCatalogue(modules)
  const entries = templateFigures(catalogue, [report.template_en, report.template_ja])
  const figureValue = figureValues(db, year)
  const values: FigureValue[] = []
  for (const entry of entries) values.push(await figureValue(entry.figure))
  const empty = entries.filter((_, i) => {
    const v = values[i]
    return v === undefined || (typeof v !== 'number' && v.values.length === 0)
  })
  if (empty.length > 0)
    throw errors.reportFigureNoData({
      figures: empty.map((e) => e.figure.key).join(', '),
      year: year.label,
    })
  const latest = await findLatestPublication(db)
  // Every earlier release: the reports' own ledger, and what else published figures since (the
  // home page's impact figures), so a report is checked against those too.
  const ledger = mergeLedgers(
    latest ? parseLedger(JSON.parse(latest.ledger_json)) : EMPTY_LEDGER,
    await readLedger(db),
  )
  // A flow's members are one table; a member given as a table (left, by reason) is its own table
  // whose total is the flow's cell (the same measure and population), so the engine links them.
  const flows = flowsOf(catalogue, entries)
  const flowOf = (e: CatalogueEntry) => {
    const name = e.figure.flow?.of.name
    return name !== undefined && flows.has(name) ? name : undefined
  }
  const flowValues = new Map<string, FigureValue>()
  for (const members of flows.values())
    for (const m of members) flowValues.set(m.figure.key, await figureValue(m.figure))
  let release: PreparedRelease
  try {
    const tables = [
      ...[...flows].map(([name, members]) => flowTableInput(name, members, flowValues, year)),
      ...entries.flatMap((e, i) => {
        const value = values[i] ?? 0
        const name = flowOf(e)
        if (name === undefined) return [statTable(e, value, year)]
        if (typeof value === 'number') return []
        return [
          statTable(e, value, year, { measure: flowMeasure(name, e.figure.key), population: name }),
        ]
      }),
    ]
    release = (await disclosureEngine(protection)).prepareRelease({
      id: releaseId(year.startYear, report.correction),
      title: `Activity Report FY${year.label}${report.correction ? ` (correction ${report.correction})` : ''}`,
      date,
      tables,
      ledger,
    })
  } catch (error) {
    // A table the engine cannot protect (a flow that does not balance, margins that disagree):
    // the editor is told which and why; nothing is published.
    if (error instanceof DisclosureError)
      throw errors.reportFigureInvalid({ problem: error.code, detail: error.message })
    throw error
  }
  const figures = entries.flatMap((entry, i) => {
    const name = flowOf(entry)
    const table =
      name !== undefined && typeof values[i] === 'number'
        ? flowMemberView(
            release.tables.find((t) => t.table.id === flowTableId(name)) ?? unprotected(name),
            flowLabel(name, entry.figure.key),
          )
        : release.tables.find((t) => t.table.id === entry.figure.key)
    return table ? [{ entry, table }] : []
  })
  const typed = { en: report.template_en, ja: report.template_ja }
  // Every figure the records give in tonnes, whether or not the templates name it: a typed
  // "30 t" is compared with all of them. Read only when something typed states tonnes.
  const recorded: RecordedQuantity[] = []
  if (mentionsTonnes(typed))
    for (const { figure } of catalogue.filter((e) => e.figure.unit === 'tonnes')) {
      const value = await figureValue(figure)
      if (typeof value === 'number' && value > 0)
        recorded.push({ key: figure.key, label: figure.label, tonnes: value })
    }
  const never = new Set(protection.settings.dangerousNumbers)
  // Counts and quantities only: an amount of money is in minor units, not the number read.
  const counted = figures.filter((f) => f.entry.figure.unit !== 'money-minor')
  const dangerous = counted.flatMap((f) =>
    f.table.cells.flatMap((c) => {
      const r = c.rendering
      const shown = r.kind === 'number' || r.kind === 'rounded' ? r.value : null
      return shown !== null && never.has(shown)
        ? [{ figure: f.entry.figure.key, value: shown }]
        : []
    }),
  )
  // Every yearly amount in yen the records give: a typed "180,000 yen a month" is compared × 12.
  // Read only when something typed states an amount a month.
  const recordedYen: RecordedYen[] = []
  if (mentionsMonthlyAmount(typed))
    for (const { figure } of catalogue.filter((e) => e.figure.unit === 'money-minor')) {
      const value = await figureValue(figure)
      if (typeof value === 'number' || value.dimensions.length !== 1) continue
      const at = value.dimensions[0]?.labels.indexOf('JPY') ?? -1
      const yen = at >= 0 ? value.values[at] : undefined
      if (yen !== undefined && yen > 0)
        recordedYen.push({ key: figure.key, label: figure.label, yen })
    }
  const narrative = [
    ...checkFlows(typed, mentionsFlow(typed) ? await recordedFlows(catalogue, figureValue) : []),
    ...checkNarrative(typed, recorded),
    ...checkSums(typed),
    ...checkMonthlyAmounts(typed, recordedYen),
    ...checkDates(typed, year),
  ]
  const fill = (template: string, locale: Locale) =>
    fillTemplate(
      template,
      new Map([
        [YEAR_PLACEHOLDER, year.label],
        ...figures.map((f) => [f.entry.figure.key, figureText(f, locale)] as const),
      ]),
    )
  return {
    year,
    release,
    figures,
    ledger,
    narrative,
    dangerous,
    texts: { en: fill(report.template_en, 'en'), ja: fill(report.template_ja, 'ja') },
  }
}

/**
 * Every stock-and-flow the modules' figures describe (`figure.flow`), with its start, its ins and
 * outs summed (a table's categories added up) and its end, for the year.
 */
async function recordedFlows(
  catalogue: readonly CatalogueEntry[],
  figureValue: (figure: Figure) => Promise<FigureValue>,
): Promise<RecordedFlow[]> {
  const flows = new Map<string, { of: RecordedFlow; seen: Set<string> }>()
  for (const { figure } of catalogue) {
    if (!figure.flow) continue
    const { of, role } = figure.flow
    const value = await figureValue(figure)
    const n = typeof value === 'number' ? value : value.values.reduce((a, b) => a + b, 0)
    const at = flows.get(of.name) ?? {
      of: { name: of.name, label: of.label, words: of.words, start: 0, in: 0, out: 0, end: 0 },
      seen: new Set<string>(),
    }
    at.of = { ...at.of, [role]: at.of[role] + n }
    at.seen.add(role)
    flows.set(of.name, at)
  }
  // A flow is read only with both its ends: without them a typed "from … to …" has nothing to meet.
  return [...flows.values()]
    .filter((f) => f.seen.has('start') && f.seen.has('end'))
    .map((f) => f.of)
}

/** The engine's review in a language (private: true values, findings, refusals). */
export const reviewText = (compiled: CompiledReport, locale: Locale) =>
  renderReview(compiled.release.review, locale)
