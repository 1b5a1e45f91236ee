import type { Figure } from '../../figures.js'
import { figureTable } from '../../figures.js'
import { peoplePerDay, riceGramsBetween, spendByCurrency } from './distribution-store.js'
import { bulkDeliveredGramsBetween } from './stock-store.js'

const tonnes = (grams: number) => Math.round(grams / 1000) / 1000

/**
 * What the supplies module tells the annual report about a fiscal year, every compartment
 * together (the seed report: "an average of 20 people per day", "30 tons of rice-based foodstuffs
 * within our shelters in China, and 10 tons within North Korea", "1.44 million yen").
 */
export const SUPPLIES_FIGURES: readonly Figure[] = [
  {
    key: 'supplies.food.people-per-day.average',
    unit: 'people-per-day',
    sensitivity: 'people-served',
    label: { en: 'People fed per day (average)', ja: '1日あたりの食料支援人数（平均）' },
    description: {
      en: 'People (named or counted by headcount) given food in all compartments on a day, averaged over the days with distributions; one decimal.',
      ja: '配布のあった日について、全コンパートメントで食料を受け取った人数（氏名記録または人数記録）の1日平均。小数点以下1桁。',
    },
    async compute(db, year) {
      const days = await peoplePerDay(db, year.from, year.to)
      if (days.length === 0) return 0
      const total = days.reduce((sum, d) => sum + d.people, 0)
      return Math.round((total / days.length) * 10) / 10
    },
  },
  {
    key: 'supplies.food.people-per-day.peak',
    unit: 'people-per-day',
    sensitivity: 'people-served',
    label: { en: 'People fed per day (highest)', ja: '1日あたりの食料支援人数（最大）' },
    description: {
      en: 'The most people given food in all compartments on any one day of the year.',
      ja: '年度中のいずれか1日に全コンパートメントで食料を受け取った人数の最大値。',
    },
    async compute(db, year) {
      const days = await peoplePerDay(db, year.from, year.to)
      return days.reduce((most, d) => Math.max(most, d.people), 0)
    },
  },
  {
    key: 'supplies.food.person-days',
    unit: 'count',
    sensitivity: 'people-served',
    label: { en: 'Meals-days given (people × days)', ja: '食料支援の延べ人日' },
    description: {
      en: 'Every person given a day’s food allowance, counted once per day they received it, all compartments together: what finance divides food spend by.',
      ja: '1日分の食料手当を受け取った人を受け取った日ごとに数えた延べ人数（全コンパートメント合計）。財務で1人1日あたりの食費の計算に使います。',
    },
    async compute(db, year) {
      const days = await peoplePerDay(db, year.from, year.to)
      return days.reduce((sum, d) => sum + d.people, 0)
    },
  },
  {
    key: 'supplies.food.tonnes.shelters',
    unit: 'tonnes',
    sensitivity: 'quantity',
    label: { en: 'Rice distributed in shelters (tonnes)', ja: 'シェルターで配布した米（トン）' },
    description: {
      en: 'Rice bought with the allowances handed out (what the policy’s amount buys, times the people fed), in tonnes to the kilogram.',
      ja: '配布した手当で購入される米の量（手当方針で1人分の金額が購入できる量×人数）。トン単位、キログラムまで。',
    },
    compute: async (db, year) => tonnes(await riceGramsBetween(db, year.from, year.to)),
  },
  {
    key: 'supplies.food.tonnes.delivered',
    unit: 'tonnes',
    sensitivity: 'quantity',
    label: {
      en: 'Food delivered to destinations without stock (tonnes)',
      ja: '在庫を持たない配送先への食料（トン）',
    },
    description: {
      en: 'Items counted by weight moved to delivery destinations that keep no stock (inside North Korea), in tonnes to the kilogram.',
      ja: '在庫を持たない配送先（北朝鮮国内）へ移動した重量単位の物資。トン単位、キログラムまで。',
    },
    compute: async (db, year) => tonnes(await bulkDeliveredGramsBetween(db, year.from, year.to)),
  },
  {
    key: 'supplies.food.spend',
    unit: 'money-minor',
    sensitivity: 'money',
    label: { en: 'Spent on food distributions', ja: '食料配布の支出' },
    description: {
      en: 'The allowance paid for each person fed, by the currency of the policy in force that day, in minor units (yen, fen).',
      ja: '食料を受け取った人ごとの手当額の合計。その日に有効な手当方針の通貨ごと、最小単位（円、分）。',
    },
    async compute(db, year) {
      const rows = await spendByCurrency(db, year.from, year.to)
      return figureTable(
        'currency',
        rows.map((r) => [r.currency, r.minor]),
      )
    },
  },
]
