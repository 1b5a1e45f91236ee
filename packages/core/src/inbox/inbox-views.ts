import { z } from 'zod'
import { APPLICATION_KINDS } from './contact-schemas.js'

export const MESSAGE_STATUSES = ['new', 'answered', 'archived'] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]
export const MESSAGE_KINDS = ['contact', 'application'] as const

export const inboxListQuerySchema = z.strictObject({
  status: z.enum(MESSAGE_STATUSES).default('new'),
})
export const messageStatusSchema = z.strictObject({ status: z.enum(MESSAGE_STATUSES) })

/** A message in the list: no content, so listing reveals nothing identifying. */
export const messageSummaryView = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  /** Language of the site page it was sent from. */
  siteLocale: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  receivedAt: z.string(),
  compartmentCode: z.string(),
})
export type MessageSummaryView = z.infer<typeof messageSummaryView>

export const messageView = messageSummaryView.extend({
  /** False after the inbox's keys were destroyed: the content is gone for good. */
  readable: z.boolean(),
  name: z.string(),
  replyTo: z.string(),
  replyLanguage: z.string(),
  message: z.string(),
  application: z
    .object({
      kind: z.enum(APPLICATION_KINDS),
      languages: z.array(z.string()),
      otherLanguages: z.string(),
      skills: z.string(),
      availability: z.string(),
    })
    .nullable(),
})
export type MessageView = z.infer<typeof messageView>
