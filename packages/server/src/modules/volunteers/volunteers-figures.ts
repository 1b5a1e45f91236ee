import type { Db } from '../../db/db-handle.js'
import { type Figure, type FigureTable, figureTable } from '../../figures.js'
import { minutesInPeriod } from './volunteers-store.js'

/** The languages the annual report names (the seed values Chinese and Korean); the rest as other. */
const REPORTED_LANGUAGES = ['zh', 'ko', 'ja', 'en'] as const

/** Whole hours volunteers gave in the year (quarter hours summed, then rounded down). */
async function hoursIn(db: Db, from: string, to: string): Promise<number> {
  const rows = await minutesInPeriod(db, from, to)
  return Math.floor(rows.reduce((sum, r) => sum + r.minutes, 0) / 60)
}

/**
 * Volunteers who gave time in the year, by language they speak at conversational level or
 * better: one person counts under each such language (so the cells do not add up to people).
 */
async function volunteersByLanguage(db: Db, from: string, to: string): Promise<FigureTable> {
  const rows = await minutesInPeriod(db, from, to)
  const counts = new Map<string, number>()
  for (const r of rows) {
    const spoken = (JSON.parse(r.languages) as { language: string; level: string }[])
      .filter((l) => l.level !== 'basic')
      .map((l) =>
        (REPORTED_LANGUAGES as readonly string[]).includes(l.language) ? l.language : 'other',
      )
    for (const language of new Set(spoken)) counts.set(language, (counts.get(language) ?? 0) + 1)
  }
  return figureTable(
    'language',
    [...REPORTED_LANGUAGES, 'other'].map((l) => [l, counts.get(l) ?? 0]),
  )
}

/** What the volunteers module tells the annual report about a fiscal year. */
export const VOLUNTEERS_FIGURES: readonly Figure[] = [
  {
    key: 'volunteers.hours',
    unit: 'count',
    sensitivity: 'quantity',
    label: {
      en: 'Hours given by volunteers and interns',
      ja: 'ボランティア・インターンの活動時間',
    },
    description: {
      en: 'Hours logged on days in the year by volunteers and interns, summed and rounded down to whole hours.',
      ja: '年度中の日付で記録されたボランティア・インターンの活動時間の合計（1時間未満切り捨て）。',
    },
    compute: (db, year) => hoursIn(db, year.from, year.to),
  },
  {
    key: 'volunteers.people.by-language',
    unit: 'people',
    // A handful of helpers who speak Korean can be singled out: counted with the threshold
    // used for people, not for quantities.
    sensitivity: 'people-served',
    label: {
      en: 'Volunteers and interns who gave time, by language',
      ja: '活動したボランティア・インターン（言語別）',
    },
    description: {
      en: 'People who logged hours in the year, counted under each language they speak at conversational level or better (Chinese, Korean, Japanese, English, other); one person may count under several.',
      ja: '年度中に活動時間を記録した人を、日常会話以上で話せる言語（中国語・韓国語・日本語・英語・その他）ごとに数えたもの。1人が複数の言語に数えられることがあります。',
    },
    compute: (db, year) => volunteersByLanguage(db, year.from, year.to),
  },
]
