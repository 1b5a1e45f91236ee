import { z } from 'zod'

/** Login names are ASCII so they type the same on every keyboard; display names carry any script. */
export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'field.login_name_format' })

export const displayNameSchema = z.string().trim().min(1).max(100)
