import { NON_FOOD_KINDS } from '@haven/core/supplies/handout-schema'
import { type Figure, figureTable } from '../../figures.js'
import { handoutsByKindBetween } from './handout-store.js'

/** Non-food items handed out in a fiscal year (clothes sets by season, kits), and people reached. */
export const HANDOUT_FIGURES: readonly Figure[] = [
  {
    key: 'supplies.non-food.items.by-kind',
    unit: 'count',
    sensitivity: 'quantity',
    label: {
      en: 'Non-food items handed out, by kind',
      ja: '配布した食料以外の物資（種類別）',
    },
    description: {
      en: 'Sets, kits and pieces handed out to people or shelters on days of the fiscal year, by kind (summer clothes, winter clothes, first-aid kits, other).',
      ja: '会計年度内に個人またはシェルターに配布したセット・キット・個数の合計（夏服、冬服、救急キット、その他）。',
    },
    async compute(db, year) {
      const byKind = await handoutsByKindBetween(db, year.from, year.to)
      return figureTable(
        'kind',
        NON_FOOD_KINDS.map((k) => [k, byKind.get(k)?.items ?? 0] as const),
      )
    },
  },
  {
    key: 'supplies.non-food.people.by-kind',
    unit: 'people',
    sensitivity: 'people-served',
    label: {
      en: 'People given non-food items, by kind',
      ja: '食料以外の物資を受け取った人数（種類別）',
    },
    description: {
      en: 'People reached by handouts on days of the fiscal year: one for each named person, the headcount for a shelter; a person given twice counts twice.',
      ja: '会計年度内の配布で届いた人数。個人は1人、シェルターへの配布はその人数。2回受け取った人は2回数えます。',
    },
    async compute(db, year) {
      const byKind = await handoutsByKindBetween(db, year.from, year.to)
      return figureTable(
        'kind',
        NON_FOOD_KINDS.map((k) => [k, byKind.get(k)?.people ?? 0] as const),
      )
    },
  },
]
