import type { Locale } from '@haven/core/i18n/locales'
import type { Bounds } from './bounds.js'
import { explainConsistency } from './consistency/explain-consistency.js'
import type { DifferenceDescription, DifferencingFinding, FigureRef } from './differencing-guard.js'
import { formatPeriod } from './period.js'
import type { ProtectedCell, ProtectedTable, PublicRendering } from './protected-table.js'
import type { DisclosureReview, ReviewRisk } from './review.js'
import { type ReviewMessages, reviewMessages } from './review-messages.js'
import { bandText } from './wording.js'

// Making a number format costs far more than using one: one per language, made once.
const formats = new Map<Locale, Intl.NumberFormat>()

function number(locale: Locale, value: number): string {
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
    formats.set(locale, format)
  }
  return format.format(value)
}

/** A cell as the public sees it: "12", "15†" (a total rounded on its own), "a few", "—". */
export function renderCell(rendering: PublicRendering, locale: Locale): string {
  switch (rendering.kind) {
    case 'number':
      return number(locale, rendering.value)
    case 'rounded':
      return `${number(locale, rendering.value)}${rendering.total ? '†' : ''}`
    case 'word':
      return bandText(rendering.band, locale)
    case 'suppressed':
      return '—'
  }
}

function interval(locale: Locale, bounds: Bounds, m: ReviewMessages): string {
  if (bounds.lower === bounds.upper) return number(locale, bounds.lower)
  if (bounds.upper === Number.POSITIVE_INFINITY)
    return `${number(locale, bounds.lower)}– (${m.unbounded})`
  return `${number(locale, bounds.lower)}–${number(locale, bounds.upper)}`
}

/** Terminal columns a string takes: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
    width += wide ? 2 : 1
  }
  return width
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return right ? fill + text : text + fill
}

function cellName(table: ProtectedTable, cell: ProtectedCell, m: ReviewMessages): string {
  return cell.coordinates
    .map((c, d) => (c === null ? m.total : (table.table.dimensions[d]?.labels[c] ?? '?')))
    .join(' / ')
}

/** The table as it will be published: a grid for one or two dimensions, a list beyond. */
export function renderPublicTable(table: ProtectedTable, locale: Locale): string {
  const m = reviewMessages[locale]
  const dims = table.table.dimensions
  const byCoordinates = new Map(table.cells.map((c) => [JSON.stringify(c.coordinates), c]))
  const text = (coordinates: (number | null)[]) => {
    const cell = byCoordinates.get(JSON.stringify(coordinates))
    return cell ? renderCell(cell.rendering, locale) : ''
  }
  if (dims.length > 2)
    return table.cells
      .map((c) => `  ${cellName(table, c, m)}: ${renderCell(c.rendering, locale)}`)
      .join('\n')
  const rowDim = dims[0]
  const colDim = dims[1]
  // A dimension has a "Total" only where the table has margins for it (a flow has none).
  const withTotal = (d: number) => table.cells.some((c) => c.coordinates[d] === null)
  const positions = (d: number): (number | null)[] => [
    ...(dims[d]?.labels ?? []).map((_, i) => i),
    ...(withTotal(d) ? [null] : []),
  ]
  const label = (d: number, i: number | null) => (i === null ? m.total : (dims[d]?.labels[i] ?? ''))
  const rows: string[][] = [
    [
      colDim ? `${rowDim?.name ?? ''} \\ ${colDim.name}` : (rowDim?.name ?? ''),
      ...(colDim ? positions(1).map((c) => label(1, c)) : [table.table.measure]),
    ],
  ]
  for (const r of positions(0))
    rows.push([label(0, r), ...(colDim ? positions(1).map((c) => text([r, c])) : [text([r])])])
  const widths = (rows[0] ?? []).map((_, c) =>
    Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))),
  )
  return rows
    .map((row) =>
      `  ${row.map((cell, c) => pad(cell, widths[c] ?? 0, c > 0)).join('  ')}`.trimEnd(),
    )
    .join('\n')
}

function ref(f: FigureRef, m: ReviewMessages): string {
  return m.figure(f.label, f.releaseId)
}

function differenceWhat(d: DifferenceDescription, m: ReviewMessages): string {
  if (d.periods?.length) return m.periods(d.periods.map(formatPeriod).join(m.comma))
  if (d.dimension?.except) return m.allBut(d.dimension.name, d.dimension.except.join(m.comma))
  if (d.dimension) return m.categories(d.dimension.name, d.dimension.values.join(m.comma))
  return m.peopleInDifference
}

/** One finding of the differencing guard as a sentence. */
export function describeFinding(finding: DifferencingFinding, locale: Locale): string {
  const m = reviewMessages[locale]
  const range = (b: Bounds) => interval(locale, b, m)
  switch (finding.kind) {
    case 'difference': {
      const [a, b] = finding.values
      const arithmetic = `${range(a)} − ${range(b)} = ${range(finding.derived)}`
      return m.difference(
        ref(finding.figures[0], m),
        ref(finding.figures[1], m),
        arithmetic,
        differenceWhat(finding.description, m),
        finding.threshold,
      )
    }
    case 'hidden-revealed':
      return m.hiddenRevealed(
        ref(finding.hidden, m),
        range(finding.interval),
        finding.required,
        finding.figures.map((f) => ref(f, m)).join(m.comma),
      )
    case 'small-group': {
      const group = [
        ...Object.entries(finding.group.filters).map(([d, v]) => `${d} ${v}`),
        formatPeriod(finding.group.period),
      ].join(', ')
      return m.smallGroup(
        group,
        range(finding.interval),
        finding.threshold,
        finding.figures.map((f) => ref(f, m)).join(m.comma),
      )
    }
    case 'revision':
      return m.revision(ref(finding.figures[0], m), ref(finding.figures[1], m))
    case 'rerounded':
      return m.rerounded(ref(finding.figures[0], m), ref(finding.figures[1], m))
    case 'inconsistent':
      return m.inconsistent(finding.measure, finding.figures.map((f) => ref(f, m)).join(m.comma))
  }
}

function describeRisk(
  risk: ReviewRisk,
  locale: Locale,
  titles: ReadonlyMap<string, string>,
): string {
  const r = reviewMessages[locale].risk
  const t = (id: string) => titles.get(id) ?? id
  switch (risk.kind) {
    case 'outside-knowledge':
      return r.outsideKnowledge
    case 'combinations-not-checked':
      return r.combinationsNotChecked
    case 'no-ledger':
      return r.noLedger
    case 'earlier-release':
      return r.earlierRelease(describeFinding(risk.finding, locale))
    case 'partially-checked':
      return r.partiallyChecked(risk.measure, risk.atoms)
    case 'words-withdrawn':
      return r.wordsWithdrawn(t(risk.tableId))
    case 'zeros-shown':
      return r.zerosShown(t(risk.tableId))
    case 'totals-hidden':
      return r.totalsHidden(t(risk.tableId), risk.count)
    case 'just-protected':
      return r.justProtected(t(risk.tableId), risk.count)
    case 'noise':
      return r.noise(t(risk.tableId), risk.epsilon)
    case 'rounding-key-ephemeral':
      return r.roundingKeyEphemeral
  }
}

function renderTable(
  table: ProtectedTable,
  altered: readonly ProtectedCell[],
  locale: Locale,
  titles: ReadonlyMap<string, string>,
): string[] {
  const m = reviewMessages[locale]
  const lines = [
    m.tableHeading(table.table.title, m.sensitivity[table.sensitivity]),
    m.asPublished,
    renderPublicTable(table, locale),
  ]
  const flow = table.table.flow
  if (flow)
    lines.push(
      `  ${m.flowNote(
        [
          flow.start,
          ...flow.inflows.map((l) => `+ ${l}`),
          ...flow.outflows.map((l) => `− ${l}`),
        ].join(' '),
        flow.end,
      )}`,
    )
  if (table.linkedWith?.length)
    lines.push(
      `  ${m.linkedNote(table.linkedWith.map((id) => m.quoted(titles.get(id) ?? id)).join(m.comma))}`,
    )
  for (const note of table.footnotes) {
    if (note === 'rounded' && table.rule.rounding)
      lines.push(`  ${m.roundedNote(table.rule.rounding.base)}`)
    else if (note === 'noise' && table.privacy)
      lines.push(`  ${m.noiseNote(table.privacy.epsilon)}`)
    else if (note === 'words') {
      const used = new Map(
        table.cells.flatMap((c) =>
          c.rendering.kind === 'word'
            ? [[bandText(c.rendering.band, locale), c.rendering.band] as const]
            : [],
        ),
      )
      const list = [...used]
        .map(([word, band]) => `${word} = ${band.from}–${band.to ?? ''}`)
        .join(m.comma)
      lines.push(`  ${m.wordsNote(list)}`)
    } else if (note === 'rounded-totals') lines.push(`  † ${m.footnote[note]}`)
    else lines.push(`  ${m.footnote[note]}`)
  }
  const s = table.stats
  lines.push(
    m.statistics(
      s.primaries,
      s.complementary,
      s.released,
      s.rounded,
      m.method[s.method],
      s.solves,
      s.flows,
    ),
  )
  if (altered.length === 0) lines.push(m.nothingAltered)
  else {
    lines.push(m.alteredHeading(altered.length))
    for (const cell of altered) {
      const e = cell.explanation
      const why =
        e.rules
          .filter((r) => r !== 'shown')
          .map((r) => m.applied[r])
          .join(m.comma) || m.applied.shown
      const truth =
        e.noisyValue === undefined
          ? number(locale, e.trueValue)
          : `${number(locale, e.trueValue)} (→ ${number(locale, e.noisyValue)})`
      lines.push(
        m.altered(
          cellName(table, cell, m),
          renderCell(cell.rendering, locale),
          truth,
          why,
          interval(locale, e.interval, m),
          e.requiredWidth,
        ),
      )
    }
  }
  return lines
}

/** The whole review as plain text in one language, for the terminal or a file. */
export function renderReview(review: DisclosureReview, locale: Locale): string {
  const m = reviewMessages[locale]
  const out: string[] = [
    m.heading(review.title, review.releaseId, review.date),
    review.refused ? m.refused : m.ready,
    '',
  ]
  const rules = new Map(review.tables.map((t) => [t.protected.sensitivity, t.protected.rule]))
  out.push(`## ${m.rulesHeading}`)
  for (const [sensitivity, rule] of rules)
    out.push(
      m.rule(
        m.sensitivity[sensitivity],
        rule.threshold,
        rule.protection.minWidth ?? rule.threshold,
        rule.showZero,
        rule.hiddenAs,
      ),
    )
  const titles = new Map(review.tables.map((t) => [t.protected.table.id, t.protected.table.title]))
  for (const table of review.tables)
    out.push('', `## ${renderTable(table.protected, table.altered, locale, titles).join('\n')}`)
  out.push('', `## ${m.refusalsHeading}`)
  if (review.refusals.length === 0) out.push(m.noRefusals)
  for (const refusal of review.refusals)
    out.push(
      `- ${refusal.kind === 'differencing' ? describeFinding(refusal.finding, locale) : m.budget(refusal.budget.spent, refusal.budget.requested, refusal.budget.total)}`,
    )
  out.push('', `## ${m.risksHeading}`)
  for (const risk of review.risks) out.push(`- ${describeRisk(risk, locale, titles)}`)
  out.push('', `## ${m.consistencyHeading}`)
  if (review.consistency.length === 0) out.push(m.noConsistency)
  for (const finding of review.consistency) out.push(`- ${explainConsistency(finding, locale)}`)
  out.push('', m.approval)
  return `${out.join('\n')}\n`
}
