import { TREATMENT_KINDS } from '@haven/core/medical/treatment-schema'
import { type Figure, figureTable } from '../../figures.js'
import { peopleTreatedByKind, treatmentCostsBetween } from './medical-store.js'

/** What the medical module tells the annual report about a fiscal year. */
export const MEDICAL_FIGURES: readonly Figure[] = [
  {
    key: 'medical.people-treated.by-kind',
    unit: 'people',
    sensitivity: 'people-served',
    label: { en: 'People given medical aid, by kind', ja: '医療支援を受けた人数（種類別）' },
    description: {
      en: 'People with a treatment starting in a month of the fiscal year, each once per kind (clinic, hospital, medicines), every compartment together.',
      ja: '会計年度内の月に始まった治療を受けた人数（種類ごとに1人1回）。種類は診療所、病院、医薬品。全コンパートメントの合計。',
    },
    async compute(db, year) {
      const counts = await peopleTreatedByKind(db, year.from.slice(0, 7), year.to.slice(0, 7))
      return figureTable(
        'kind',
        TREATMENT_KINDS.map((kind) => [kind, counts.get(kind) ?? 0] as const),
      )
    },
  },
  {
    key: 'medical.costs',
    unit: 'money-minor',
    sensitivity: 'money',
    label: { en: 'Spent on medical aid', ja: '医療支援の支出' },
    description: {
      en: 'Treatment costs paid on days of the fiscal year, by currency, in minor units (yen, fen).',
      ja: '会計年度内に支払った治療費の合計。通貨ごと、最小単位（円、分）。',
    },
    async compute(db, year) {
      const rows = await treatmentCostsBetween(db, year.from, year.to)
      return figureTable(
        'currency',
        rows.map((r) => [r.currency ?? '', Number(r.minor)] as const),
      )
    },
  },
]
