import type { MessageKey } from '../i18n/catalog-en.js'
import {
  AGE_BANDS,
  type CreatePerson,
  createPersonSchema,
  NAME_SCRIPTS,
  type NameScript,
  SEXES,
  SITUATIONS,
} from '../people/index.js'
import { validate } from '../validation/field-issues.js'
import { parseSpreadsheetDate } from './spreadsheet-date.js'

/** Built once: zod compiles a schema on first use, and a row is checked 2–3 times per import. */
const ROW_PERSON_SCHEMA = createPersonSchema.omit({ compartmentId: true })

/** The columns a people spreadsheet can fill (the identifying export writes the same names). */
export const PEOPLE_IMPORT_FIELDS = [
  'ref',
  'name_hangul',
  'name_hanzi',
  'name_kana',
  'name_latin',
  'birth',
  'approximate_age',
  'sex',
  'place_of_origin',
  'phones',
  'notes',
  'age_band',
  'situation',
  'arrival_month',
  'languages',
  'tags',
] as const
export type PeopleImportField = (typeof PEOPLE_IMPORT_FIELDS)[number]

/** Header texts recognised without a saved mapping: our export's names and common Japanese ones. */
const HEADER_ALIASES: Readonly<Record<PeopleImportField, readonly string[]>> = {
  ref: ['ref', 'id', 'no', 'no.', '番号', '管理番号', '整理番号'],
  name_hangul: ['name_hangul', 'hangul', 'ハングル', '한글', '이름'],
  name_hanzi: ['name_hanzi', 'hanzi', '漢字', '氏名', '氏名(漢字)', '漢字氏名', '名前'],
  name_kana: ['name_kana', 'kana', 'カナ', 'フリガナ', 'ふりがな', '氏名(カナ)'],
  name_latin: ['name_latin', 'latin', 'name', 'ローマ字', '氏名(ローマ字)'],
  birth: ['birth', 'date_of_birth', 'birth_date', '生年月日'],
  approximate_age: ['approximate_age', 'age', '推定年齢', '年齢'],
  sex: ['sex', 'gender', '性別'],
  place_of_origin: ['place_of_origin', 'origin', '出身地'],
  phones: ['phones', 'phone', '電話', '電話番号'],
  notes: ['notes', 'note', '備考', 'メモ'],
  age_band: ['age_band', '年齢層'],
  situation: ['situation', '状況'],
  arrival_month: ['arrival_month', '到着月'],
  languages: ['languages', 'language', '言語'],
  tags: ['tags', 'タグ'],
}

/** Which header feeds which field; a field left out stays empty. Saved per source. */
export type ColumnMapping = Partial<Record<PeopleImportField, string>>

const headerKey = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_')

/** A first mapping from the file's own header row, for the person to check and adjust. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const field of PEOPLE_IMPORT_FIELDS) {
    const aliases = HEADER_ALIASES[field].map(headerKey)
    const header = headers.find((h) => aliases.includes(headerKey(h)))
    if (header !== undefined) mapping[field] = header
  }
  return mapping
}

/** A spreadsheet cell as read: text, or a formula (which Haven never evaluates). */
export type Cell = string | { formula: string }

/** One problem with one cell of one row, ready to be translated for the person importing. */
export interface RowIssue {
  /** The field (our column name); the caller shows the header it was mapped from. */
  field: PeopleImportField | ''
  key: MessageKey
  params: Readonly<Record<string, string | number>>
}

export type PersonRow = Omit<CreatePerson, 'compartmentId'>

export type RowResult =
  | { ok: true; person: PersonRow; ref: string | null; birthYear: number | null }
  | { ok: false; issues: RowIssue[] }

const SCRIPT_PATTERNS: Readonly<Record<NameScript, RegExp>> = {
  hangul: /^[\p{Script=Hangul}\s·.-]+$/u,
  hanzi: /^[\p{Script=Han}々〆ヶ\s・]+$/u,
  kana: /^[\p{Script=Hiragana}\p{Script=Katakana}ー・゠\s]+$/u,
  latin: /^[\p{Script=Latin}\s'’.,-]+$/u,
}

const SEX_WORDS: Readonly<Record<string, (typeof SEXES)[number]>> = {
  female: 'female',
  f: 'female',
  女: 'female',
  女性: 'female',
  male: 'male',
  m: 'male',
  男: 'male',
  男性: 'male',
  other: 'other',
  その他: 'other',
  unknown: 'unknown',
  不明: 'unknown',
}

const list = (text: string) =>
  text
    .split(/[,;、，；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

const FIELD_OF_PATH: readonly [RegExp, PeopleImportField][] = [
  [/^identity\.birth\.approximateAge/, 'approximate_age'],
  [/^identity\.birth/, 'birth'],
  [/^identity\.sex/, 'sex'],
  [/^identity\.placeOfOrigin/, 'place_of_origin'],
  [/^identity\.phones/, 'phones'],
  [/^identity\.notes/, 'notes'],
  [/^attributes\.ageBand/, 'age_band'],
  [/^attributes\.situation/, 'situation'],
  [/^attributes\.arrivalMonth/, 'arrival_month'],
  [/^attributes\.languages/, 'languages'],
  [/^attributes\.tags/, 'tags'],
]

/**
 * Reads one row into a registration, or lists every problem of the row (not just the first), each
 * named by its field. `cell(field)` gives the mapped cell; `today` refuses dates in the future.
 */
export function personFromRow(
  cell: (field: PeopleImportField) => Cell | undefined,
  today: string,
): RowResult {
  const issues: RowIssue[] = []
  const text = (field: PeopleImportField): string => {
    const value = cell(field)
    if (value === undefined) return ''
    if (typeof value !== 'string') {
      issues.push({ field, key: 'exchange.formula_cell', params: {} })
      return ''
    }
    const trimmed = value.normalize('NFC').trim()
    // Our own exports put an apostrophe before a leading =, +, - or @; take it off again.
    const unquoted = /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed
    if (unquoted !== trimmed) return unquoted
    if (trimmed.startsWith('=')) {
      issues.push({ field, key: 'exchange.formula_cell', params: {} })
      return ''
    }
    return trimmed
  }

  const names: { script: NameScript; value: string }[] = []
  for (const script of NAME_SCRIPTS) {
    const field = `name_${script}` as const
    const value = text(field)
    if (value === '') continue
    if (!SCRIPT_PATTERNS[script].test(value))
      issues.push({ field, key: `exchange.not_${script}`, params: {} })
    else names.push({ script, value })
  }

  let birth: PersonRow['identity']['birth']
  let birthYear: number | null = null
  const birthText = text('birth')
  const ageText = text('approximate_age').normalize('NFKC')
  if (birthText !== '' && ageText !== '') {
    issues.push({ field: 'approximate_age', key: 'exchange.birth_and_age', params: {} })
  } else if (birthText !== '') {
    const parsed = parseSpreadsheetDate(birthText)
    if (typeof parsed === 'string')
      issues.push({ field: 'birth', key: `exchange.date_${parsed}`, params: {} })
    else {
      birth = { precision: parsed.precision, date: parsed.date }
      birthYear = Number(parsed.date.slice(0, 4))
    }
  } else if (ageText !== '') {
    const age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : Number.NaN
    if (Number.isNaN(age))
      issues.push({ field: 'approximate_age', key: 'exchange.not_a_number', params: {} })
    else {
      birth = { precision: 'approximate_age', approximateAge: age }
      birthYear = Number(today.slice(0, 4)) - age
    }
  }

  const sexText = text('sex')
  const sex = sexText === '' ? undefined : SEX_WORDS[sexText.normalize('NFKC').toLowerCase()]
  if (sexText !== '' && sex === undefined)
    issues.push({ field: 'sex', key: 'field.invalid_value', params: { options: SEXES.join(', ') } })

  const arrivalText = text('arrival_month')
  let arrivalMonth: string | null = null
  if (arrivalText !== '') {
    const parsed = parseSpreadsheetDate(arrivalText)
    if (typeof parsed === 'string')
      issues.push({ field: 'arrival_month', key: `exchange.date_${parsed}`, params: {} })
    else arrivalMonth = parsed.date.slice(0, 7)
    if (typeof parsed !== 'string' && parsed.precision === 'year')
      issues.push({ field: 'arrival_month', key: 'field.year_month_format', params: {} })
  }

  const enumOf = <T extends string>(
    field: PeopleImportField,
    values: readonly T[],
    fallback: T,
  ): T => {
    const raw = text(field).normalize('NFKC').toLowerCase().replace(/\s+/g, '_')
    if (raw === '') return fallback
    const found = values.find((v) => v === raw)
    if (found === undefined)
      issues.push({ field, key: 'field.invalid_value', params: { options: values.join(', ') } })
    return found ?? fallback
  }

  const placeOfOrigin = text('place_of_origin')
  const notes = text('notes')
  const candidate = {
    identity: {
      names,
      ...(birth ? { birth } : {}),
      ...(sex ? { sex } : {}),
      ...(placeOfOrigin ? { placeOfOrigin } : {}),
      phones: list(text('phones')),
      ...(notes ? { notes } : {}),
    },
    attributes: {
      ageBand: enumOf('age_band', AGE_BANDS, 'unknown'),
      situation: enumOf('situation', SITUATIONS, 'unknown'),
      arrivalMonth,
      languages: list(text('languages').toLowerCase()),
      tags: list(text('tags')),
    },
  }
  const refText = text('ref')
  if (names.length === 0 && !issues.some((i) => i.field.startsWith('name_')))
    issues.push({ field: 'name_latin', key: 'exchange.no_name', params: {} })

  const checked = validate(ROW_PERSON_SCHEMA, candidate)
  if (!checked.ok)
    for (const issue of checked.issues) {
      const field =
        FIELD_OF_PATH.find(([re]) => re.test(issue.path))?.[1] ?? nameField(issue.path, names) ?? ''
      issues.push({ field, key: issue.key, params: issue.params })
    }
  if (birth?.date && birth.date > today.slice(0, birth.date.length))
    issues.push({ field: 'birth', key: 'field.date_in_future', params: {} })
  if (arrivalMonth && arrivalMonth > today.slice(0, 7))
    issues.push({ field: 'arrival_month', key: 'field.date_in_future', params: {} })

  if (issues.length > 0 || !checked.ok) return { ok: false, issues }
  return { ok: true, person: checked.value, ref: refText || null, birthYear }
}

function nameField(
  path: string,
  names: readonly { script: NameScript }[],
): PeopleImportField | undefined {
  const index = /^identity\.names\.(\d+)/.exec(path)?.[1]
  const script = index === undefined ? undefined : names[Number(index)]?.script
  return script === undefined ? undefined : `name_${script}`
}

/**
 * What makes a row the same row on a second import: its reference when the sheet has one, else
 * everything it says (normalised). The server keys it (a keyed hash) before storing it, since a
 * plain hash of a name can be guessed.
 */
export function rowIdentity(result: { person: PersonRow; ref: string | null }): string {
  if (result.ref !== null) return `ref:${result.ref}`
  const { identity, attributes } = result.person
  return `row:${JSON.stringify([
    identity.names.map((n) => [n.script, n.value.normalize('NFKC').toLowerCase()]),
    identity.birth ?? null,
    identity.sex ?? null,
    identity.placeOfOrigin ?? null,
    identity.phones,
    attributes.situation,
    attributes.arrivalMonth,
  ])}`
}
