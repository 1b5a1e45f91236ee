import { z } from 'zod'
import { grantView } from '../auth/auth-views.js'
import { ROLES } from '../auth/roles.js'

/** What the API sends administrators about users, password links and roles. Shared with the app. */
export const userView = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  locale: z.string(),
  status: z.enum(['active', 'suspended']),
  hasPassword: z.boolean(),
  secondFactor: z.boolean(),
  grants: z.array(grantView),
  actions: z.array(z.string()),
})
export type UserView = z.infer<typeof userView>

export const linkView = z.object({ url: z.string(), expiresAt: z.string() })
export type LinkView = z.infer<typeof linkView>

export const roleView = z.object({
  role: z.enum(ROLES),
  organisationOnly: z.boolean(),
  identifies: z.boolean(),
  secondFactorRequired: z.boolean(),
})
