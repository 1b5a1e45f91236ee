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
  otherLanguages: text(200).default(''),
  skills: text(2000).default(''),
  availability: requiredText(1000),
  message: text(3000).default(''),
})
export type ApplicationForm = z.infer<typeof applicationFormSchema>
