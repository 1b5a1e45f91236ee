import type {
  ImpactFiguresInput,
  ImpactFiguresView,
  ImpactShown,
} from '@haven/core/cms/impact-figures'
import {
  createDisclosureEngine,
  type DisclosureEngine,
  DisclosureError,
  type DisclosureLedger,
  oneWayTable,
  type PreparedRelease,
  parsePeriod,
} from '@haven/disclosure'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { readLedger, recordLedgerRelease } from '../../disclosure/ledger-store.js'
import { errors } from '../../http/errors.js'
import type { SiteImpactFiguresTable } from '../../site/site-tables.js'
import type { By } from './cms-service.js'
import { listImpactFigures, replaceImpactFigures } from './publication-store.js'
import { publishing } from './site-version.js'

let engine: Promise<DisclosureEngine> | undefined
/** One engine per process: loading the solver is the slow part. */
function disclosureEngine(): Promise<DisclosureEngine> {
  engine ??= createDisclosureEngine()
  return engine
}

/**
 * What the disclosure engine lets the public see of one count: the figure as a one-cell table
 * under its sensitivity's rule (threshold, words, rounding). Null when it must stay hidden.
 */
export async function disclosedValue(
  key: string,
  sensitivity: ImpactFiguresInput['figures'][number]['sensitivity'],
  value: number,
): Promise<ImpactShown | null> {
  const protectedTable = (await disclosureEngine()).protectTable(
    oneWayTable({
      id: key,
      measure: key,
      integer: sensitivity !== 'quantity',
      dimension: { name: 'figure', labels: ['all'] },
      values: [value],
    }),
    { sensitivity },
  )
  const cell = protectedTable.cells.find((c) => c.coordinates[0] === 0)
  const shown = cell?.rendering
  if (!shown) return null
  switch (shown.kind) {
    case 'number':
    case 'rounded':
      return { kind: 'number', value: shown.value }
    case 'word':
      return { kind: 'words', en: shown.band.en, ja: shown.band.ja }
    case 'suppressed':
      return null
  }
}

/** The release id of one publication of impact figures in the disclosure ledger. */
const impactReleaseId = (fiscalYear: number) => `impact-figures-FY${fiscalYear}-${newId()}`

/**
 * The figures as one release of the disclosure engine, checked against the ledger: each figure a
 * one-cell table counted like the annual report's figure of the same key and year (its measure
 * and population are the key, its period the fiscal year), so the differencing guard compares it
 * with what any report or earlier impact figures published.
 */
async function prepareImpactRelease(
  input: ImpactFiguresInput,
  ledger: DisclosureLedger,
  date: string,
): Promise<PreparedRelease> {
  const period = parsePeriod(`FY${input.fiscalYear}`)
  try {
    return (await disclosureEngine()).prepareRelease({
      id: impactReleaseId(input.fiscalYear),
      title: `Impact figures FY${input.fiscalYear}`,
      date,
      ledger,
      tables: input.figures.map((figure) => ({
        table: oneWayTable({
          id: figure.key,
          measure: figure.key,
          integer: figure.sensitivity !== 'quantity',
          dimension: { name: 'all', labels: ['all'] },
          values: [figure.value],
        }),
        context: { population: figure.key, period },
        sensitivity: figure.sensitivity,
      })),
    })
  } catch (error) {
    if (error instanceof DisclosureError)
      throw errors.validationFailed([{ path: 'figures', key: 'field.invalid', params: {} }])
    throw error
  }
}

/** The figure keys a refused release names (a figure id is `<table id>:<cell>`). */
function refusedKeys(release: PreparedRelease): string[] {
  const keys = new Set<string>()
  for (const finding of release.differencing?.refusals ?? []) {
    const refs =
      finding.kind === 'hidden-revealed' ? [finding.hidden, ...finding.figures] : finding.figures
    for (const ref of refs)
      if (ref.releaseId === release.id) keys.add(ref.id.split(':')[0] ?? ref.id)
  }
  return [...keys]
}

/** A figure as the engine rendered it for the public; null when it must stay hidden. */
function shownOf(release: PreparedRelease, key: string): ImpactShown | null {
  const table = release.tables.find((t) => t.table.id === key)
  const shown = table?.cells.find((c) => c.coordinates[0] === 0)?.rendering
  if (!shown) return null
  switch (shown.kind) {
    case 'number':
    case 'rounded':
      return { kind: 'number', value: shown.value }
    case 'word':
      return { kind: 'words', en: shown.band.en, ja: shown.band.ja }
    case 'suppressed':
      return null
  }
}

/**
 * The cms door for impact figures: replaces the home page's figures with this set for one fiscal
 * year, each as the disclosure engine renders it (figures it hides are left out and named in the
 * answer). Until the annual report publishes its figures through here, an editor does, from the
 * report's approved numbers. The set is one release of the disclosure ledger: refused (422
 * impact_figures_refused, nothing changed) when, with any earlier release (an annual report,
 * earlier impact figures), it would reveal a small count by difference; recorded when it passes.
 * Live at once, audited, all or nothing.
 */
export async function publishImpactFigures(
  app: AppContext,
  db: Db,
  input: ImpactFiguresInput,
  by: By,
): Promise<ImpactFiguresView> {
  const keys = input.figures.map((f) => f.key)
  const repeated = keys.findIndex((k, i) => keys.indexOf(k) !== i)
  if (repeated >= 0)
    throw errors.validationFailed([
      { path: `figures.${repeated}.key`, key: 'field.invalid', params: {} },
    ])
  const now = app.now().toISOString()
  const rows: SiteImpactFiguresTable[] = []
  const withheld: string[] = []
  await publishing(app, db, async (trx) => {
    // Read and recorded in the transaction: two editors publishing at once are checked in turn.
    const release = await prepareImpactRelease(input, await readLedger(trx), now.slice(0, 10))
    if (release.refused)
      throw errors.impactFiguresRefused({ figures: refusedKeys(release).join(', ') })
    for (const figure of input.figures) {
      const shown = shownOf(release, figure.key)
      if (!shown) {
        withheld.push(figure.key)
        continue
      }
      rows.push({
        id: newId(),
        position: rows.length,
        fiscal_year: input.fiscalYear,
        figure_key: figure.key,
        label_en: figure.label.en,
        label_ja: figure.label.ja,
        shown: JSON.stringify(shown),
        published_at: now,
      })
    }
    await replaceImpactFigures(trx, rows)
    await recordLedgerRelease(trx, release.entry, 'impact-figures', now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.impact_figures_published',
      entityType: 'SiteContent',
      requestId: by.requestId,
      details: { fiscalYear: input.fiscalYear, shown: rows.length, withheld: withheld.length },
    })
  })
  return {
    fiscalYear: rows.length > 0 ? input.fiscalYear : null,
    published: rows.map((r) => ({
      key: r.figure_key,
      label: { en: r.label_en, ja: r.label_ja },
      shown: JSON.parse(r.shown) as ImpactShown,
    })),
    withheld,
  }
}

/**
 * The figures on the home page now, as the public sees them. What the engine withheld when they
 * were published is not kept, so `withheld` is empty here.
 */
export async function currentImpactFigures(db: Db): Promise<ImpactFiguresView> {
  const rows = await listImpactFigures(db)
  return {
    fiscalYear: rows[0]?.fiscal_year ?? null,
    published: rows.map((r) => ({
      key: r.figure_key,
      label: { en: r.label_en, ja: r.label_ja },
      shown: JSON.parse(r.shown) as ImpactShown,
    })),
    withheld: [],
  }
}
