/**
 * What a review looks for in a sponsor update before a sponsor may read it: anything that could
 * lead someone to the child. It is a help to the reviewer, not a guarantee — a person still reads
 * every update and a second person approves it.
 */
export const FINDING_KINDS = ['name', 'place', 'school', 'code'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export interface Finding {
  kind: FindingKind
  /** Where in the text (characters), so the reviewer can find it; never the words themselves. */
  at: number
  length: number
}

/** What the record itself knows that must not appear (the school, the guardian, the codes). */
export interface KnownDetails {
  schoolName?: string | null
  guardian?: string | null
  /** The child's person code, the compartment's code: pseudonymous, but they locate a shelter. */
  codes: readonly string[]
  /** Where the child's registered names appear (found through the people module's blind index). */
  nameSpans?: readonly { at: number; length: number }[]
}

// Places the organisation works in (and their usual spellings); any of these locates a child.
const PLACES = [
  'Yanbian',
  'Yanji',
  'Jilin',
  'Liaoning',
  'Heilongjiang',
  'Shenyang',
  'Dandong',
  'Tumen',
  'Longjing',
  'Hunchun',
  'Helong',
  'Beijing',
  'Shanghai',
  'Shandong',
  'Inner Mongolia',
  '延辺',
  '延边',
  '延吉',
  '吉林',
  '遼寧',
  '辽宁',
  '黒竜江',
  '黑龙江',
  '瀋陽',
  '沈阳',
  '丹東',
  '丹东',
  '図們',
  '图们',
]
const SCHOOL_WORDS =
  /\b(school|academy|college|university|kindergarten)\b|学校|小学校|中学校|高校|学院|大学|幼稚園|学園/giu
const CODES = /\b[A-Z]{2,4}-\d{2,3}(-\d{1,6})?\b/g
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]{2,}/gu
// A capitalised word inside a sentence: possibly a name. Common words that start sentences in
// letters are allowed.
const CAPITALISED = /(?<=[a-z,;] )[A-Z][a-z]+/g

function findAll(text: string, pattern: RegExp, kind: FindingKind): Finding[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, at: m.index, length: m[0].length }))
}

function findLiteral(
  text: string,
  needle: string | null | undefined,
  kind: FindingKind,
): Finding[] {
  const word = needle?.trim()
  if (!word || word.length < 2) return []
  const found: Finding[] = []
  const lower = text.toLowerCase()
  for (
    let at = lower.indexOf(word.toLowerCase());
    at >= 0;
    at = lower.indexOf(word.toLowerCase(), at + 1)
  )
    found.push({ kind, at, length: word.length })
  return found
}

/** Everything in an update's text that may identify the child or locate them, in text order. */
export function reviewFindings(text: string, known: KnownDetails): Finding[] {
  const findings = [
    ...findLiteral(text, known.schoolName, 'school'),
    ...findLiteral(text, known.guardian, 'name'),
    ...(known.nameSpans ?? []).map((s) => ({ kind: 'name' as const, at: s.at, length: s.length })),
    ...known.codes.flatMap((c) => findLiteral(text, c, 'code')),
    ...findAll(text, CODES, 'code'),
    ...findAll(text, SCHOOL_WORDS, 'school'),
    ...PLACES.flatMap((p) => findLiteral(text, p, 'place')),
    ...findAll(text, HANGUL, 'name'),
    ...findAll(text, CAPITALISED, 'name'),
  ]
  const seen = new Set<string>()
  return findings
    .filter((f) => {
      const key = `${f.at}:${f.kind}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => a.at - b.at)
}

/** An update's way from draft to a letter. */
export const UPDATE_STATUSES = ['draft', 'reviewed', 'approved'] as const
export type UpdateStatus = (typeof UPDATE_STATUSES)[number]
