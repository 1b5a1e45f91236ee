import type { Figure } from '../../figures.js'
import { countSheltersOperating } from './shelter-store.js'

/** What the shelters module tells the annual report about a fiscal year. */
export const SHELTERS_FIGURES: readonly Figure[] = [
  {
    key: 'shelters.operating',
    unit: 'shelters',
    sensitivity: 'quantity',
    label: { en: 'Shelters operating', ja: '運営したシェルター数' },
    description: {
      en: 'Shelters open on at least one day of the year: opened by its last day and not closed before its first (a compromised or suspended shelter counts).',
      ja: '年度中に1日以上開いていたシェルター（年度末までに開設し、年度初めより前に閉鎖していないもの。危険にさらされた・休止中のものを含む）。',
    },
    compute: (db, year) => countSheltersOperating(db, year.from, year.to),
  },
]
