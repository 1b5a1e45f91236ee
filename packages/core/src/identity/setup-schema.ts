import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'
import { displayNameSchema, loginNameSchema } from './login-name.js'
import { PASSWORD_MAX_LENGTH } from './password-policy.js'

/** A setup or reset token as it travels in a link fragment: base64url, 256 bits. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/)

export const setupCheckSchema = z.strictObject({ token: linkTokenSchema })

export const setupRequestSchema = z.strictObject({
  token: linkTokenSchema,
  loginName: loginNameSchema,
  displayName: displayNameSchema,
  // Length in code points and the other rules are checked by checkPassword; this bounds the bytes.
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
  locale: z.enum(LOCALES).default('en'),
})
export type SetupRequest = z.infer<typeof setupRequestSchema>
