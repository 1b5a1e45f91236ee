import { PATHWAY_ROUTES, type PathwayRoute } from '@haven/core/resettlement/pathway-schema'
import type { FiscalYear } from '@haven/core/site/fiscal-year'
import type { Db } from '../../db/db-handle.js'
import { type Figure, figureTable } from '../../figures.js'
import { reachedStageByRoute } from './resettlement-store.js'
import { returnFundsBetween } from './returnee-store.js'

/** How each route reads in a figure's label, in every language. */
const ROUTE_WORDS: Readonly<Record<PathwayRoute, { en: string; ja: string }>> = {
  unhcr: { en: 'through the UNHCR', ja: 'UNHCR経由' },
  consulate: { en: 'by a consulate or embassy', ja: '領事館・大使館経由' },
  underground: { en: 'through an underground route', ja: '地下ルート経由' },
  third_country: { en: 'through a third country', ja: '第三国経由' },
  other: { en: 'by another route', ja: 'その他の経路' },
}

const STAGES = {
  under_protection: {
    key: 'protected',
    en: 'People brought under protection',
    ja: '保護につながった人数',
    what: { en: '“under protection”', ja: '「保護下」' },
  },
  resettled: {
    key: 'resettled',
    en: 'People resettled',
    ja: '定住した人数',
    what: { en: '“resettled”', ja: '「定住」' },
  },
} as const

/**
 * One figure per stage and route: pathways that reached the stage in the year by that route,
 * each person once. A protected-people measure, published as words ("a small number", 若干名).
 *
 * One figure per route, not one table by route: a table carries its total, and the total in
 * words beside every route's word narrowed each route below the width the threshold asks for
 * (the engine then printed dashes). Alone, each route's word says no more than its band, and no
 * figure prints their sum. Each route is its own population: no figure counts the same people
 * by another breakdown, so none can print what another hides.
 */
function routeFigure(stage: keyof typeof STAGES, route: PathwayRoute): Figure {
  const s = STAGES[stage]
  const r = ROUTE_WORDS[route]
  return {
    // Figure keys take hyphens, never underscores (third_country → third-country).
    key: `resettlement.${s.key}.route.${route.replaceAll('_', '-')}`,
    unit: 'people',
    sensitivity: 'people-protected',
    label: { en: `${s.en} ${r.en}`, ja: `${s.ja}（${r.ja}）` },
    description: {
      en: `Pathways by this route that reached ${s.what.en} in a month or year starting within the fiscal year, each person once. A year-precision date counts in the fiscal year holding 1 January of that year. Published as words, never as a number, and never with a total of the routes.`,
      ja: `この経路で、会計年度内に始まる月または年に${s.what.ja}となった経路の数（1人1回）。年単位の日付は、その年の1月1日を含む会計年度に数えます。数字ではなく言葉で公表し、経路の合計は公表しません。`,
    },
    async compute(db: Db, year: FiscalYear) {
      const counts = await reachedStageByRoute(db, stage, year.from, year.to)
      return counts.get(route) ?? 0
    },
  }
}

/**
 * What the resettlement module tells the annual report: people brought to safety and people
 * resettled, per route; returnees funded and the funds. The people are protected-people
 * measures — the report publishes them as words ("several", "a number of"), never as numbers,
 * through the disclosure engine.
 */
export const RESETTLEMENT_FIGURES: readonly Figure[] = [
  ...PATHWAY_ROUTES.map((route) => routeFigure('under_protection', route)),
  ...PATHWAY_ROUTES.map((route) => routeFigure('resettled', route)),
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
