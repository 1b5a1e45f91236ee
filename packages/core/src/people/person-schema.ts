import { z } from 'zod'
import { PERSON_SORTS, SITUATIONS } from './person-codes.js'

export { PERSON_SORTS, SITUATIONS } from './person-codes.js'

export const NAME_SCRIPTS = ['hangul', 'hanzi', 'kana', 'latin'] as const
export const SEXES = ['female', 'male', 'other', 'unknown'] as const
export const BIRTH_PRECISIONS = ['exact', 'month', 'year', 'approximate_age'] as const
export const AGE_BANDS = [
  '0-4',
  '5-11',
  '12-17',
  '18-29',
  '30-44',
  '45-59',
  '60+',
  'unknown',
] as const
export const RELATIONS = ['parent', 'child', 'sibling', 'spouse', 'guardian', 'ward'] as const

export type NameScript = (typeof NAME_SCRIPTS)[number]
export type Situation = (typeof SITUATIONS)[number]
export type AgeBand = (typeof AGE_BANDS)[number]
export type Relation = (typeof RELATIONS)[number]

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'field.year_month_format' })
const shortText = (max: number) => z.string().trim().min(1).max(max)

/** A name in one script; a person may have any subset of scripts (at most one value per script). */
export const personNameSchema = z.strictObject({
  script: z.enum(NAME_SCRIPTS),
  value: shortText(120),
})

/**
 * Date of birth with the precision actually known: many people have no papers. The value's
 * shape must match the precision (2001-04-17, 2001-04, 2001), or an approximate age is given.
 */
export const birthSchema = z
  .strictObject({
    precision: z.enum(BIRTH_PRECISIONS),
    date: z.string().max(10).optional(),
    approximateAge: z.number().int().min(0).max(120).optional(),
  })
  .superRefine((birth, ctx) => {
    const shapes = {
      exact: /^\d{4}-\d{2}-\d{2}$/,
      month: /^\d{4}-(0[1-9]|1[0-2])$/,
      year: /^\d{4}$/,
    } as const
    if (birth.precision === 'approximate_age') {
      if (birth.approximateAge === undefined)
        ctx.addIssue({ code: 'custom', path: ['approximateAge'], message: 'field.required' })
      if (birth.date !== undefined)
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'field.birth_precision_mismatch' })
      return
    }
    if (birth.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'field.required' })
      return
    }
    if (
      !shapes[birth.precision].test(birth.date) ||
      (birth.precision === 'exact' && Number.isNaN(Date.parse(`${birth.date}T00:00:00Z`)))
    ) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'field.birth_precision_mismatch' })
    }
    if (birth.approximateAge !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['approximateAge'],
        message: 'field.birth_precision_mismatch',
      })
  })
export type Birth = z.infer<typeof birthSchema>

/** Everything that identifies a person. Sealed at rest; seen only with the "identify" permission. */
export const identitySchema = z
  .strictObject({
    names: z.array(personNameSchema).max(NAME_SCRIPTS.length).default([]),
    birth: birthSchema.optional(),
    sex: z.enum(SEXES).optional(),
    placeOfOrigin: shortText(120).optional(),
    phones: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()-]{4,30}$/, { error: 'field.phone_format' }),
      )
      .max(5)
      .default([]),
    notes: z.string().trim().max(5000).optional(),
  })
  .superRefine((identity, ctx) => {
    const scripts = identity.names.map((n) => n.script)
    scripts.forEach((script, i) => {
      if (scripts.indexOf(script) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['names', i, 'script'],
          message: 'field.name_script_repeated',
        })
    })
  })
export type Identity = z.infer<typeof identitySchema>

const attributeFields = {
  ageBand: z.enum(AGE_BANDS),
  situation: z.enum(SITUATIONS),
  arrivalMonth: yearMonth.nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, { error: 'field.language_code' })).max(10),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
}

/** What may be known about a person without identifying them: used for work and reporting. */
export const personAttributesSchema = z.strictObject({
  ageBand: attributeFields.ageBand.default('unknown'),
  situation: attributeFields.situation.default('unknown'),
  arrivalMonth: attributeFields.arrivalMonth.default(null),
  languages: attributeFields.languages.default([]),
  tags: attributeFields.tags.default([]),
})
export type PersonAttributes = z.infer<typeof personAttributesSchema>

/** For edits: only the attributes sent change (no defaults fill in the others). */
export const personAttributesPatchSchema = z.strictObject(attributeFields).partial()

export const createPersonSchema = z.strictObject({
  compartmentId: z.string().min(1).max(100),
  identity: identitySchema.default({ names: [], phones: [] }),
  attributes: personAttributesSchema.default({
    ageBand: 'unknown',
    situation: 'unknown',
    arrivalMonth: null,
    languages: [],
    tags: [],
  }),
})
export type CreatePerson = z.infer<typeof createPersonSchema>

/** An edit names the version it started from; a stale version is answered 409 with both sides. */
export const updatePersonSchema = z.strictObject({
  version: z.number().int().positive(),
  identity: identitySchema.optional(),
  attributes: personAttributesPatchSchema.optional(),
})
export type UpdatePerson = z.infer<typeof updatePersonSchema>

export const personLinkSchema = z.strictObject({
  relatedPersonId: z.string().min(1).max(100),
  relation: z.enum(RELATIONS),
})

export const personQuerySchema = z.strictObject({
  compartmentId: z.string().max(100).optional(),
  q: z.string().trim().max(120).optional(),
  situation: z.enum(SITUATIONS).optional(),
  tag: z.string().trim().max(40).optional(),
  caseType: z.string().max(40).optional(),
  caseStatus: z.string().max(40).optional(),
  sort: z.enum(PERSON_SORTS).default('code'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The list screen asks for names (opened and audited); pickers and searches do not. */
  names: z.enum(['1']).optional(),
})
export type PersonQuery = z.infer<typeof personQuerySchema>

export const duplicateCheckSchema = z.strictObject({
  names: z.array(z.string().trim().min(1).max(120)).min(1).max(NAME_SCRIPTS.length),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  compartmentId: z.string().max(100).optional(),
})

export const mergePeopleSchema = z.strictObject({
  intoId: z.string().min(1).max(100),
  version: z.number().int().positive(),
})
