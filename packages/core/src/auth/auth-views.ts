import { z } from 'zod'
import { abilitiesView } from './abilities.js'
import { COMPARTMENT_KINDS, ROLES } from './roles.js'

/** What the API sends about users, grants, sessions and compartments. Shared with the app. */
export const grantView = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  compartmentId: z.string().nullable(),
  compartmentCode: z.string().nullable(),
})
export type GrantView = z.infer<typeof grantView>

export const sessionStageView = z.enum(['active', 'mfa_pending', 'enroll_required'])

export const currentSessionView = z.object({
  user: z.object({
    id: z.string(),
    loginName: z.string(),
    displayName: z.string(),
    locale: z.string(),
  }),
  stage: sessionStageView,
  grants: z.array(grantView),
  /** What the app may offer (see abilities.ts): computed by the server's policies. */
  can: abilitiesView,
  secondFactors: z.object({ totp: z.boolean(), passkeys: z.number().int() }),
})
export type CurrentSessionView = z.infer<typeof currentSessionView>

export const loginResultView = z.object({
  stage: sessionStageView,
  /** Second factors that can finish a sign-in in stage mfa_pending. */
  methods: z.array(z.enum(['totp', 'recovery', 'passkey'])),
})
export type LoginResultView = z.infer<typeof loginResultView>

export const compartmentView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(COMPARTMENT_KINDS),
  status: z.enum(['active', 'compromised', 'closed']),
  retentionDays: z.number().int().nullable(),
  /** When its keys were destroyed (crypto-shredded): its records can be read, not changed. */
  shreddedAt: z.string().nullable(),
  actions: z.array(z.string()),
})
export type CompartmentView = z.infer<typeof compartmentView>

export const sessionListView = z.array(
  z.object({
    id: z.string(),
    device: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
    authMethod: z.string(),
  }),
)
export type SessionListView = z.infer<typeof sessionListView>

export const accountView = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  locale: z.string(),
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      lastUsedAt: z.string().nullable(),
    }),
  ),
  secondFactorRequired: z.boolean(),
})
export type AccountView = z.infer<typeof accountView>
