import {
  type CreateSponsor,
  SPONSOR_KINDS,
  SPONSOR_LANGUAGES,
  sponsorSchema,
} from '../sponsorship/index.js'
import { validate } from '../validation/field-issues.js'
import type { RecordImportDefinition } from './record-import.js'
import { rowCells } from './record-import.js'

/** The columns of a sheet of sponsors: the contact is sealed by the sponsorship module. */
export const SPONSOR_IMPORT_FIELDS = ['ref', 'kind', 'language', 'contact'] as const
export type SponsorImportField = (typeof SPONSOR_IMPORT_FIELDS)[number]

/** A sponsor as sponsorship creates one (the compartment is the import's). */
export type SponsorRow = Omit<CreateSponsor, 'compartmentId'>

const ROW_SCHEMA = sponsorSchema.omit({ compartmentId: true })

const KIND_WORDS: Readonly<Record<string, (typeof SPONSOR_KINDS)[number]>> = {
  個人: 'individual',
  団体: 'organisation',
  法人: 'organisation',
}

const LANGUAGE_WORDS: Readonly<Record<string, (typeof SPONSOR_LANGUAGES)[number]>> = {
  日本語: 'ja',
  japanese: 'ja',
  英語: 'en',
  english: 'en',
}

export const sponsorImport: RecordImportDefinition<SponsorImportField, SponsorRow> = {
  fields: SPONSOR_IMPORT_FIELDS,
  aliases: {
    ref: ['ref', 'id', 'no', 'no.', '番号', '会員番号', '管理番号'],
    kind: ['kind', 'type', '種別', '区分'],
    language: ['language', '言語', '通信言語'],
    contact: ['contact', 'name_and_address', '連絡先', '氏名・住所', '氏名住所'],
  },
  read(cell) {
    const row = rowCells(cell)
    const ref = row.text('ref')
    const kind = row.choice('kind', SPONSOR_KINDS, KIND_WORDS)
    const language = row.choice('language', SPONSOR_LANGUAGES, LANGUAGE_WORDS)
    const contact = row.required('contact')
    if (row.issues.length > 0 || kind === null || language === null)
      return { ok: false, issues: row.issues }
    const checked = validate(ROW_SCHEMA, { kind, language, contact })
    if (!checked.ok)
      return {
        ok: false,
        issues: checked.issues.map((i) => ({
          field: (SPONSOR_IMPORT_FIELDS as readonly string[]).includes(i.path) ? i.path : '',
          key: i.key,
          params: i.params,
        })),
      }
    return { ok: true, value: checked.value, ref: ref || null }
  },
  // The same contact is the same sponsor (keyed by the compartment's index key, never stored).
  content: (s) => [s.contact.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')],
}
