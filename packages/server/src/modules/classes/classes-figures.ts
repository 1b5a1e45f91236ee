import { CLASS_LANGUAGES, NEXT_STEPS } from '@haven/core/classes/class-schema'
import { type Figure, figureTable } from '../../figures.js'
import { completionsByNextStep, learnersByLanguage, minutesByLanguage } from './classes-store.js'

// The report publishes counts whole (only tonnes keep decimals): hours are rounded to the hour.
const hours = (minutes: number) => Math.round(minutes / 60)

/**
 * What the classes module tells the annual report. Learners and graduates are people served:
 * the report writes a small count as words ("a few", 数名), never as a number.
 */
export const CLASSES_FIGURES: readonly Figure[] = [
  {
    key: 'classes.learners.by-language',
    unit: 'people',
    sensitivity: 'people-served',
    label: { en: 'Learners in language classes, by language', ja: '語学教室の受講者数（言語別）' },
    description: {
      en: 'People present at least once at a class session held on a day of the fiscal year, each once per language taught.',
      ja: '会計年度内に行われた授業に1回以上出席した人数（教える言語ごとに1人1回）。',
    },
    async compute(db, year) {
      const counts = await learnersByLanguage(db, year.from, year.to)
      return figureTable(
        'language',
        CLASS_LANGUAGES.map((l) => [l, counts.get(l) ?? 0] as const),
      )
    },
  },
  {
    key: 'classes.hours.by-language',
    unit: 'count',
    sensitivity: 'quantity',
    label: { en: 'Hours taught, by language', ja: '授業時間（言語別）' },
    description: {
      en: 'The length of every class session held on a day of the fiscal year, in whole hours, by language taught.',
      ja: '会計年度内に行われた授業の時間の合計（時間、整数に丸める）、教える言語別。',
    },
    async compute(db, year) {
      const { taught } = await minutesByLanguage(db, year.from, year.to)
      return figureTable(
        'language',
        CLASS_LANGUAGES.map((l) => [l, hours(taught.get(l) ?? 0)] as const),
      )
    },
  },
  {
    key: 'classes.learner-hours.by-language',
    unit: 'count',
    sensitivity: 'quantity',
    label: { en: 'Learner-hours, by language', ja: '受講時間の延べ数（言語別）' },
    description: {
      en: 'For every learner present at a session held in the fiscal year, the session’s length; summed in whole hours, by language taught.',
      ja: '会計年度内の授業に出席した受講者ごとの授業時間の合計（延べ時間、整数に丸める）、言語別。',
    },
    async compute(db, year) {
      const { learned } = await minutesByLanguage(db, year.from, year.to)
      return figureTable(
        'language',
        CLASS_LANGUAGES.map((l) => [l, hours(learned.get(l) ?? 0)] as const),
      )
    },
  },
  {
    key: 'classes.graduates.by-next-step',
    unit: 'people',
    sensitivity: 'people-served',
    label: {
      en: 'Learners who completed a class, by next step',
      ja: '教室を修了した人数（次の進路別）',
    },
    description: {
      en: 'People whose enrolment was completed on a day of the fiscal year, by where they went next (night school, vocational training, employment, a further class, none).',
      ja: '会計年度内に修了した人数を次の進路（夜間中学、職業訓練、就職、次の教室、なし）別に数えたもの。',
    },
    async compute(db, year) {
      const counts = await completionsByNextStep(db, year.from, year.to)
      return figureTable(
        'next step',
        NEXT_STEPS.map((s) => [s, counts.get(s) ?? 0] as const),
      )
    },
  },
]
