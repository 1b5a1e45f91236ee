import { z } from 'zod'

/**
 * The public contact and application forms. A message may come from a refugee: everything in it
 * is treated as identifying and sealed on arrival. Limits keep a flood cheap to refuse.
 */

/** Languages someone may want an answer in: those of the people the NGO serves, then ours. */
export const REPLY_LANGUAGES = ['ko', 'zh', 'ja', 'en', 'other'] as const
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number]

export const SPOKEN_LANGUAGES = ['ko', 'zh', 'ja', 'en'] as const
export const APPLICATION_KINDS = ['volunteer', 'intern'] as const
/** The levels a visitor may give for a language (screening may still correct them). */
export const SITE_LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const
/** Skills the form offers as choices: stored on the volunteer as they are (never free text). */
export const SITE_SKILLS = [
  'interpreting',
  'translation',
  'teaching',
  'events',
  'office',
  'research',
  'design',
  'it',
] as const
export const SITE_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
/** One level field per spoken language: `level_ko`, `level_zh`… */
export const levelField = (language: (typeof SPOKEN_LANGUAGES)[number]) =>
  `level_${language}` as const

/** Control characters other than line breaks and tabs are removed from what people type. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '')
}

const text = (max: number) => z.string().transform(cleanText).pipe(z.string().trim().max(max))
const requiredText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().min(1, { error: 'field.required' }).max(max))

export const CONTACT_MESSAGE_MAX = 5000

export const contactFormSchema = z.object({
  name: text(200).default(''),
  replyTo: text(320).default(''),
  message: requiredText(CONTACT_MESSAGE_MAX),
  replyLanguage: z.enum(REPLY_LANGUAGES).default('other'),
})
export type ContactForm = z.infer<typeof contactFormSchema>

export const applicationFormSchema = z.object({
  kind: z.enum(APPLICATION_KINDS),
  name: requiredText(200),
  replyTo: requiredText(320),
  languages: z
    .array(z.enum(SPOKEN_LANGUAGES))
    .max(SPOKEN_LANGUAGES.length)
    .default([])
    .transform((list) => [...new Set(list)]),
  level_ko: z.enum(['', ...SITE_LEVELS]).default(''),
  level_zh: z.enum(['', ...SITE_LEVELS]).default(''),
  level_ja: z.enum(['', ...SITE_LEVELS]).default(''),
  level_en: z.enum(['', ...SITE_LEVELS]).default(''),
  otherLanguages: text(200).default(''),
  // Checked as a whole, so a wrong value is reported on the field (not on one of its items).
  skillAreas: z
    .array(z.string())
    .max(SITE_SKILLS.length)
    .default([])
    .refine((list) => list.every((v) => (SITE_SKILLS as readonly string[]).includes(v)), {
      error: 'field.invalid',
    })
    .transform((list) => [...new Set(list)] as (typeof SITE_SKILLS)[number][]),
  skills: text(2000).default(''),
  availableDays: z
    .array(z.string())
    .max(7)
    .default([])
    .refine((list) => list.every((v) => (SITE_WEEKDAYS as readonly string[]).includes(v)), {
      error: 'field.invalid',
    })
    .transform((list) => [...new Set(list)] as (typeof SITE_WEEKDAYS)[number][]),
  /** Typed as text on a form with no script: empty, or a whole number of hours from 1 to 80. */
  hoursPerWeek: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 80), {
      error: 'field.hours_per_week',
    })
    .transform((v) => (v === '' ? null : Number(v))),
  availability: requiredText(1000),
  message: text(3000).default(''),
})
export type ApplicationForm = z.infer<typeof applicationFormSchema>

/** The languages of an application with their levels: a level given, or ticked (to be assessed). */
export type ApplicationLanguage = {
  language: string
  level: (typeof SITE_LEVELS)[number] | 'unassessed'
}

export function applicationLanguages(form: ApplicationForm): ApplicationLanguage[] {
  // The order the visitor ticked, then the others they gave a level for.
  return [...new Set([...form.languages, ...SPOKEN_LANGUAGES])].flatMap(
    (language): ApplicationLanguage[] => {
      const level = form[levelField(language)]
      if (level) return [{ language, level }]
      return form.languages.includes(language) ? [{ language, level: 'unassessed' as const }] : []
    },
  )
}
