import type { FiscalYear } from '@haven/core/site/fiscal-year'
import type { Db } from '../../db/db-handle.js'
import type { Figure, FigureReads } from '../../figures.js'
import { figureTable, readOnce } from '../../figures.js'
import { peopleAndRicePerDay, spendByCurrency } from './distribution-store.js'
import { bulkDeliveredGramsBetween } from './stock-store.js'

const tonnes = (grams: number) => Math.round(grams / 1000) / 1000

/** The year's day totals, read once for every figure of a compile that sums them. */
const yearDays = (db: Db, year: FiscalYear, reads: FigureReads | undefined) =>
  readOnce(reads, `supplies.days:${year.from}:${year.to}`, () =>
    peopleAndRicePerDay(db, year.from, year.to),
  )

/** The days people were fed (the days with distributions), with how many. */
const fedDays = async (db: Db, year: FiscalYear, reads: FigureReads | undefined) =>
  (await yearDays(db, year, reads)).filter((d) => d.people > 0)

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
    async compute(db, year, reads) {
      const days = await fedDays(db, year, reads)
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
    async compute(db, year, reads) {
      const days = await fedDays(db, year, reads)
      return days.reduce((most, d) => Math.max(most, d.people), 0)
    },
  },
  {
    key: 'supplies.food.person-days',
    unit: 'count',
    sensitivity: 'people-served',
    // The same people-days as the table by month: protected together.
    population: 'supplies.food.person-days',
    label: { en: 'Meals-days given (people × days)', ja: '食料支援の延べ人日' },
    description: {
      en: 'Every person given a day’s food allowance, counted once per day they received it, all compartments together: what finance divides food spend by.',
      ja: '1日分の食料手当を受け取った人を受け取った日ごとに数えた延べ人数（全コンパートメント合計）。財務で1人1日あたりの食費の計算に使います。',
    },
    async compute(db, year, reads) {
      const days = await fedDays(db, year, reads)
      return days.reduce((sum, d) => sum + d.people, 0)
    },
  },
  {
    key: 'supplies.food.person-days.by-month',
    unit: 'count',
    sensitivity: 'people-served',
    population: 'supplies.food.person-days',
    label: { en: 'Meal-days given, by month', ja: '食料支援の延べ人日（月別）' },
    description: {
      en: 'The meal-days above, by the month they were given in (every month of the fiscal year, zeros too); protected with their total.',
      ja: '上の延べ人日を配布した月ごとに（会計年度の全月、0を含む）。合計と一緒に保護されます。',
    },
    async compute(db, year, reads) {
      const days = await fedDays(db, year, reads)
      const months = new Map<string, number>()
      for (let i = 0; i < 12; i++) {
        const start = new Date(`${year.from.slice(0, 7)}-01T00:00:00Z`)
        start.setUTCMonth(start.getUTCMonth() + i)
        months.set(start.toISOString().slice(0, 7), 0)
      }
      for (const d of days) {
        const month = d.day.slice(0, 7)
        if (months.has(month)) months.set(month, (months.get(month) ?? 0) + d.people)
      }
      return figureTable('month', [...months])
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
    compute: async (db, year, reads) =>
      tonnes((await yearDays(db, year, reads)).reduce((sum, d) => sum + d.riceGrams, 0)),
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
