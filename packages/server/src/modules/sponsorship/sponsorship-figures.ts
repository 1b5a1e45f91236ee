import type { Locale } from '@haven/core/i18n/locales'
import type { Flows } from '@haven/core/sponsorship/sponsorship-rules'
import { SPONSORSHIP_LEAVE_REASONS } from '@haven/core/sponsorship/sponsorship-rules'
import { type Figure, type FigureFlow, type FlowRole, figureTable } from '../../figures.js'
import { flowsForYear } from './flows-service.js'

/** The children in the plan: counted at the start and end, moved by joins, leaves, graduations. */
const CHILDREN: FigureFlow = {
  name: 'sponsorship.children',
  label: { en: 'children in the sponsorship plan', ja: '里親プランの児童' },
  words: {
    en: ['child', 'children', 'sponsor', 'sponsored', 'sponsorship'],
    ja: ['児童', '子ども', '子供', '里親', '支援対象'],
  },
}

const flow = (
  what: string,
  role: FlowRole,
  label: Record<Locale, string>,
  description: Record<Locale, string>,
  value: (f: Flows) => number,
): Figure => ({
  key: `sponsorship.children.${what}`,
  unit: 'people',
  // Children in the plan are protected people: the disclosure engine treats these accordingly.
  sensitivity: 'people-protected',
  flow: { of: CHILDREN, role },
  label,
  description,
  compute: async (db, year) => value((await flowsForYear(db, null, year.startYear)).total),
})

/**
 * What the sponsorship plan tells the annual report about a fiscal year (the seed report's
 * "18 children left the plan, 2 graduated, 8 joined, and 20 remain"), all compartments together.
 * Each refuses to compute when an enrolment's history does not reconcile.
 */
export const SPONSORSHIP_FIGURES: readonly Figure[] = [
  flow(
    'at-start',
    'start',
    { en: 'Children in the plan at the start of the year', ja: '年度初めの支援対象児童数' },
    {
      en: 'Children enrolled (or suspended) in the education sponsorship plan on the year’s first day.',
      ja: '年度初日に教育里親プランに在籍（休止中を含む）していた児童数。',
    },
    (f) => f.atStart,
  ),
  flow(
    'joined',
    'in',
    { en: 'Children who joined the plan', ja: 'プランに加わった児童数' },
    {
      en: 'Enrolments that began (or were re-opened) during the year.',
      ja: '年度中に在籍を開始（または再開）した件数。',
    },
    (f) => f.joined,
  ),
  {
    key: 'sponsorship.children.left',
    unit: 'people',
    sensitivity: 'people-protected',
    flow: { of: CHILDREN, role: 'out' },
    label: { en: 'Children who left the plan, by reason', ja: 'プランを離れた児童数（理由別）' },
    description: {
      en: 'Enrolments that ended during the year other than by graduating or transferring, by the coded reason.',
      ja: '年度中に卒業・移籍以外で終了した在籍数（理由コード別）。',
    },
    async compute(db, year) {
      const { total } = await flowsForYear(db, null, year.startYear)
      return figureTable(
        'reason',
        SPONSORSHIP_LEAVE_REASONS.map((r) => [r, total.leftByReason[r]]),
      )
    },
  },
  flow(
    'graduated',
    'out',
    { en: 'Children who graduated', ja: '卒業した児童数' },
    {
      en: 'Enrolments that ended in graduation during the year.',
      ja: '年度中に卒業で終了した在籍数。',
    },
    (f) => f.graduated,
  ),
  flow(
    'transferred',
    'out',
    { en: 'Children transferred to another programme', ja: '他の支援へ移った児童数' },
    {
      en: 'Enrolments that ended in a transfer during the year.',
      ja: '年度中に移籍で終了した在籍数。',
    },
    (f) => f.transferred,
  ),
  flow(
    'at-end',
    'end',
    { en: 'Children in the plan at the end of the year', ja: '年度末の支援対象児童数' },
    {
      en: 'Children enrolled (or suspended) on the year’s last day: start + joined − left − graduated − transferred.',
      ja: '年度末日に在籍していた児童数（年度初め＋加入−離脱−卒業−移籍）。',
    },
    (f) => f.atEnd,
  ),
]
