import {
  type CreateOrganisation,
  createOrganisationSchema,
  ORGANISATION_TYPES,
  RELATIONSHIP_STATUSES,
} from '../network/index.js'
import { validate } from '../validation/field-issues.js'
import type { RecordImportDefinition } from './record-import.js'
import { rowCells } from './record-import.js'

/** The columns of a sheet of partner organisations (no contact: those are sealed, added by hand). */
export const PARTNER_IMPORT_FIELDS = [
  'ref',
  'name',
  'type',
  'country',
  'region',
  'website',
  'status',
  'since',
] as const
export type PartnerImportField = (typeof PARTNER_IMPORT_FIELDS)[number]

const TYPE_WORDS: Readonly<Record<string, (typeof ORGANISATION_TYPES)[number]>> = {
  団体: 'ngo',
  ngo: 'ngo',
  npo: 'ngo',
  政府: 'government',
  国連機関: 'un_agency',
  大使館: 'embassy',
  報道: 'media',
  教会: 'church',
  学校: 'school',
  その他: 'other',
}

const STATUS_WORDS: Readonly<Record<string, (typeof RELATIONSHIP_STATUSES)[number]>> = {
  見込み: 'prospect',
  協力中: 'active',
  休止: 'paused',
  終了: 'ended',
}

export const partnerImport: RecordImportDefinition<PartnerImportField, CreateOrganisation> = {
  fields: PARTNER_IMPORT_FIELDS,
  aliases: {
    ref: ['ref', 'id', 'no', 'no.', '番号', '管理番号'],
    name: ['name', 'organisation', 'organization', '団体名', '名称', '組織名'],
    type: ['type', '種別', '団体の種類'],
    country: ['country', '国', '国名コード'],
    region: ['region', 'city', '地域', '都市'],
    website: ['website', 'url', 'web', 'ウェブサイト', 'ホームページ'],
    status: ['status', '関係', '状態'],
    since: ['since', '開始日', '関係の開始日'],
  },
  read(cell, today) {
    const row = rowCells(cell)
    const ref = row.text('ref')
    const name = row.required('name')
    const type = row.choice('type', ORGANISATION_TYPES, TYPE_WORDS)
    const country = row.required('country').normalize('NFKC')
    const region = row.text('region')
    const website = row.text('website')
    const statusText = row.text('status')
    const status =
      statusText === '' ? 'prospect' : row.choice('status', RELATIONSHIP_STATUSES, STATUS_WORDS)
    const since = row.text('since') === '' ? undefined : row.day('since', today)
    if (row.issues.length > 0 || type === null || status === null || since === null)
      return { ok: false, issues: row.issues }
    const checked = validate(createOrganisationSchema, {
      name,
      type,
      country,
      ...(region ? { region } : {}),
      ...(website ? { website } : {}),
      status,
      ...(since ? { since } : {}),
    })
    if (!checked.ok)
      return {
        ok: false,
        issues: checked.issues.map((i) => ({
          field: (PARTNER_IMPORT_FIELDS as readonly string[]).includes(i.path) ? i.path : '',
          key: i.key,
          params: i.params,
        })),
      }
    return { ok: true, value: checked.value, ref: ref || null }
  },
  // The same partner is the same name in the same country, however the sheet spells its case.
  content: (p) => [p.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '), p.country],
}
