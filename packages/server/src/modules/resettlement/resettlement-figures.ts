import { PATHWAY_ROUTES, type PathwayStage } from '@haven/core/resettlement/pathway-schema'
import type { FiscalYear } from '@haven/core/site/fiscal-year'
import type { Db } from '../../db/db-handle.js'
import { type Figure, figureTable } from '../../figures.js'
import { reachedStageByRoute } from './resettlement-store.js'
import { returnFundsBetween } from './returnee-store.js'

/** Pathways that reached `stage` in the year, one value per route (every route, zeros too). */
async function byRoute(db: Db, stage: PathwayStage, year: FiscalYear) {
  const counts = await reachedStageByRoute(db, stage, year.from, year.to)
  return figureTable(
    'route',
    PATHWAY_ROUTES.map((route) => [route, counts.get(route) ?? 0] as const),
  )
}

const sumOf = (table: { values: readonly number[] }) => table.values.reduce((a, b) => a + b, 0)

/**
 * What the resettlement module tells the annual report: people brought to safety and people
 * resettled, by route. These are protected-people measures — the report publishes them as
 * words ("several", "a number of"), never as numbers, through the disclosure engine.
 */
export const RESETTLEMENT_FIGURES: readonly Figure[] = [
  {
    key: 'resettlement.protected.by-route',
    unit: 'people',
    sensitivity: 'people-protected',
    // The same people as the total below: protected together, so the total cannot give away a
    // route the table hid.
    population: 'resettlement.protected',
    label: {
      en: 'People brought under protection, by route',
      ja: '保護につながった人数（経路別）',
    },
    description: {
      en: 'Pathways that reached “under protection” in a month or year starting within the fiscal year, each person once, by route (UNHCR, consulate, underground, third country, other). A year-precision date counts in the fiscal year holding 1 January of that year.',
      ja: '会計年度内に始まる月または年に「保護下」となった経路の数（1人1回）を経路別（UNHCR、領事館、地下ルート、第三国、その他）に数えたもの。年単位の日付は、その年の1月1日を含む会計年度に数えます。',
    },
    compute: (db, year) => byRoute(db, 'under_protection', year),
  },
  {
    key: 'resettlement.protected.total',
    unit: 'people',
    sensitivity: 'people-protected',
    population: 'resettlement.protected',
    label: { en: 'People brought under protection', ja: '保護につながった人数' },
    description: {
      en: 'All routes together: the total of “People brought under protection, by route”, protected with it.',
      ja: '全経路の合計。「保護につながった人数（経路別）」の合計で、それと一緒に保護されます。',
    },
    compute: async (db, year) => sumOf(await byRoute(db, 'under_protection', year)),
  },
  {
    key: 'resettlement.resettled.by-route',
    unit: 'people',
    sensitivity: 'people-protected',
    population: 'resettlement.resettled',
    label: { en: 'People resettled, by route', ja: '定住した人数（経路別）' },
    description: {
      en: 'Pathways that reached “resettled” in a month or year starting within the fiscal year, each person once, by route. A year-precision date counts in the fiscal year holding 1 January of that year.',
      ja: '会計年度内に始まる月または年に「定住」となった経路の数（1人1回）を経路別に数えたもの。年単位の日付は、その年の1月1日を含む会計年度に数えます。',
    },
    compute: (db, year) => byRoute(db, 'resettled', year),
  },
  {
    key: 'resettlement.resettled.total',
    unit: 'people',
    sensitivity: 'people-protected',
    population: 'resettlement.resettled',
    label: { en: 'People resettled', ja: '定住した人数' },
    description: {
      en: 'All routes together: the total of “People resettled, by route”, protected with it.',
      ja: '全経路の合計。「定住した人数（経路別）」の合計で、それと一緒に保護されます。',
    },
    compute: async (db, year) => sumOf(await byRoute(db, 'resettled', year)),
  },
  {
    key: 'resettlement.returnees.funded',
    unit: 'people',
    sensitivity: 'people-protected',
    label: { en: 'Returnees given resettlement funds', ja: '帰還のための定住資金を受け取った人数' },
    description: {
      en: 'People whose resettlement funds for a return to North Korea were paid on a day of the fiscal year, each once. Nothing about them is recorded after their return.',
      ja: '北朝鮮への帰還のための定住資金が会計年度内に支払われた人数（1人1回）。帰還後のことは記録しません。',
    },
    async compute(db, year) {
      const rows = await returnFundsBetween(db, year.from, year.to)
      return rows.reduce((sum, r) => sum + Number(r.people), 0)
    },
  },
  {
    key: 'resettlement.returnees.funds',
    unit: 'money-minor',
    sensitivity: 'money',
    label: { en: 'Resettlement funds paid to returnees', ja: '帰還者に支払った定住資金' },
    description: {
      en: 'The resettlement funds paid for returns on days of the fiscal year, by currency, in minor units (yen, fen).',
      ja: '会計年度内に支払った帰還のための定住資金の合計。通貨ごと、最小単位（円、分）。',
    },
    async compute(db, year) {
      const rows = await returnFundsBetween(db, year.from, year.to)
      return figureTable(
        'currency',
        rows.map((r) => [r.currency ?? '', Number(r.minor)] as const),
      )
    },
  },
]
