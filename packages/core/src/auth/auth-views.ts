import { z } from 'zod'
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
  /** What the app may offer: computed by the server's policies, never guessed by the client. */
  can: z.object({
    administer: z.boolean(),
    audit: z.boolean(),
    /** The public website's editor (pages, news, reports, FAQ). */
    editSite: z.boolean(),
    /** Messages from the public forms, in an inbox compartment the person is granted. */
    readInbox: z.boolean(),
    /** Shelters: seeing those the person works in, and opening new ones. */
    shelters: z.boolean(),
    openShelters: z.boolean(),
    /** People, cases and incidents: the person holds a role that sees them in some compartment. */
    workCases: z.boolean(),
    /** CSV exports of people, and with re-authentication the identifying one: caseworkers and coordinators. */
    exportPeople: z.boolean(),
    /** The retention review (closed cases due for purging): coordinators. */
    reviewRetention: z.boolean(),
    /** Supplies, distributions under caps and their dashboard. */
    supplies: z.boolean(),
    /** Items, locations and stock movements (coordinators, finance). */
    manageSupplies: z.boolean(),
    /** Allowance policies in at least one compartment (coordinators, finance). */
    managePolicies: z.boolean(),
    /** Exchange rates (finance). */
    enterRates: z.boolean(),
  }),
  secondFactors: z.object({ totp: z.boolean(), passkeys: z.number().int() }),
})
export type CurrentSessionView = z.infer<typeof currentSessionView>

export const loginResultView = z.object({
  stage: sessionStageView,
  /** Second factors that can finish a sign-in in stage mfa_pending. */
  methods: z.array(z.enum(['totp', 'recovery', 'passkey'])),
})
export type LoginResultView = z.infer<typeof loginResultView>

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

export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLoginName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  compartmentId: z.string().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})
export type AuditEntryView = z.infer<typeof auditEntryView>

export const roleView = z.object({
  role: z.enum(ROLES),
  organisationOnly: z.boolean(),
  identifies: z.boolean(),
  secondFactorRequired: z.boolean(),
})
