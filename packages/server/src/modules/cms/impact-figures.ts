import type {
  ImpactFiguresInput,
  ImpactFiguresView,
  ImpactShown,
} from '@haven/core/cms/impact-figures'
import {
  createDisclosureEngine,
  type DisclosureEngine,
  DisclosureError,
  oneWayTable,
} from '@haven/disclosure'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
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

/**
 * The cms door for impact figures: replaces the home page's figures with this set for one fiscal
 * year, each as the disclosure engine renders it (figures it hides are left out and named in the
 * answer). Until the annual report publishes its figures through here, an editor does, from the
 * report's approved numbers. Live at once, audited, all or nothing.
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
  for (const figure of input.figures) {
    let shown: ImpactShown | null
    try {
      shown = await disclosedValue(figure.key, figure.sensitivity, figure.value)
    } catch (error) {
      if (error instanceof DisclosureError)
        throw errors.validationFailed([
          {
            path: `figures.${rows.length + withheld.length}.value`,
            key: 'field.invalid',
            params: {},
          },
        ])
      throw error
    }
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
  await publishing(app, db, async (trx) => {
    await replaceImpactFigures(trx, rows)
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
