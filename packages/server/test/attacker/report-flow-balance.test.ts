import { expect, it } from 'vitest'
import { type Figure, type FigureFlow, type FlowRole, figureTable } from '../../src/figures.js'
import type { HavenModule } from '../../src/haven-module.js'
import { type CompiledReport, compileReport } from '../../src/modules/report/report-compile.js'
import { reportProtection } from '../../src/modules/report/report-settings.js'
import { describeEachDialect } from '../support/dialects.js'
import { testAppContext } from '../support/test-app.js'

/**
 * An attacker who reads a published annual report's flow of protected children (start, joined,
 * left by reason, graduated, transferred, end) and recovers the small "left" count by the flow's
 * balance or by adding up the reasons. Written apart from the disclosure engine: it reads only
 * what the public is shown.
 */
const KIDS: FigureFlow = {
  name: 'attack.children',
  label: { en: 'children in the plan', ja: 'プランの児童' },
  words: { en: ['children'], ja: ['児童'] },
}

// 60 + 20 − 3 − 14 − 15 = 48: three children left (2 moved away, 1 other), below the threshold;
// every other figure is above it, so each alone would be published as a number.
const TRUE = { start: 60, joined: 20, left: 3, graduated: 14, transferred: 15, end: 48 }

const member = (what: string, role: FlowRole, value: Figure['compute']): Figure => ({
  key: `attack.children.${what}`,
  unit: 'people',
  sensitivity: 'people-protected',
  flow: { of: KIDS, role },
  label: { en: what, ja: what },
  description: { en: 'A test flow figure.', ja: 'テスト用の数値。' },
  compute: value,
})

const flowModule: HavenModule = {
  name: 'attack',
  figures: [
    member('at-start', 'start', async () => TRUE.start),
    member('joined', 'in', async () => TRUE.joined),
    member('left', 'out', async () =>
      figureTable('reason', [
        ['moved', 2],
        ['other', 1],
      ]),
    ),
    member('graduated', 'out', async () => TRUE.graduated),
    member('transferred', 'out', async () => TRUE.transferred),
    member('at-end', 'end', async () => TRUE.end),
  ],
}

const TEMPLATE = [
  'At the start {{attack.children.at-start}}, joined {{attack.children.joined}},',
  'graduated {{attack.children.graduated}}, transferred {{attack.children.transferred}},',
  'at the end {{attack.children.at-end}}. Left: {{attack.children.left}}',
].join(' ')

type Interval = readonly [number, number]
type Cell = CompiledReport['figures'][number]['table']['cells'][number]

/** What a reader knows of a cell: a number exactly, a word as its band (open above when it has no end), anything else nothing. */
const known = (c: Cell): Interval =>
  c.rendering.kind === 'number'
    ? [c.rendering.value, c.rendering.value]
    : c.rendering.kind === 'word'
      ? [c.rendering.band.from, c.rendering.band.to ?? Number.POSITIVE_INFINITY]
      : [0, Number.POSITIVE_INFINITY]

/** A figure's total and its categories as the reader knows them. */
function shown(compiled: CompiledReport, key: string) {
  const figure = compiled.figures.find((f) => f.entry.figure.key === key)
  if (!figure) throw new Error(`${key} was not compiled`)
  const total = figure.table.cells.find((c) => c.coordinates.every((x) => x === null))
  if (!total) throw new Error(`${key} has no total`)
  return { total: known(total), parts: figure.table.cells.filter((c) => c.level === 0).map(known) }
}

const add = (a: Interval, b: Interval): Interval => [a[0] + b[0], a[1] + b[1]]
const minus = (a: Interval, b: Interval): Interval => [a[0] - b[1], a[1] - b[0]]

/** What the reader learns of "left": its own cell, the sum of the reasons, the flow's balance. */
function leftBounds(compiled: CompiledReport): Interval {
  const one = (what: string) => shown(compiled, `attack.children.${what}`).total
  const left = shown(compiled, 'attack.children.left')
  const reasons = left.parts.reduce(add, [0, 0])
  const balance = minus(
    minus(minus(add(one('at-start'), one('joined')), one('graduated')), one('transferred')),
    one('at-end'),
  )
  return [left.total, reasons, balance].reduce<Interval>(
    (a, b) => [Math.max(a[0], b[0]), Math.min(a[1], b[1])],
    [0, Number.POSITIVE_INFINITY],
  )
}

describeEachDialect('an attacker reading a published flow of protected children', (ctx) => {
  it('cannot recover a small “left” count by the balance of the flow or the sum of its reasons', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    const protection = await reportProtection(app, app.database.db)
    const compiled = await compileReport(
      [...app.modules, flowModule],
      app.database.db,
      { fiscal_year: 2005, template_en: TEMPLATE, template_ja: TEMPLATE },
      '2006-06-01',
      protection,
    )
    expect(compiled.release.refused).toBe(false)
    // The true count stays possible, and is not pinned: the reader is left a range.
    const [lo, hi] = leftBounds(compiled)
    expect(lo).toBeLessThanOrEqual(TRUE.left)
    expect(hi).toBeGreaterThanOrEqual(TRUE.left)
    expect(hi - lo, `left is known to be in [${lo}, ${hi}]`).toBeGreaterThan(0)
    // Not everything is hidden: the large stocks are still published as numbers.
    const published = ['at-start', 'at-end'].map(
      (w) => shown(compiled, `attack.children.${w}`).total,
    )
    expect(published.some(([a, b]) => a === b)).toBe(true)
    // The text says nothing the figures do not: no "3" for the children who left.
    expect(compiled.texts.en).not.toMatch(/Left: 3\b/)
  }, 60_000)
})
