import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'
import { displayNameSchema, loginNameSchema } from '../identity/login-name.js'
import { PASSWORD_MAX_LENGTH } from '../identity/password-policy.js'
import { linkTokenSchema } from '../identity/setup-schema.js'
import { ALWAYS_MFA_ROLES, COMPARTMENT_KINDS, ROLES } from './roles.js'

/** Bounds the bytes of a password before the policy counts its characters. */
export const passwordInputSchema = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4)
const idSchema = z.string().min(1).max(100)

export const loginRequestSchema = z.strictObject({
  loginName: z.string().trim().toLowerCase().min(1).max(64),
  password: passwordInputSchema,
})

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'field.totp_format' })
export const totpLoginSchema = z.strictObject({ code: totpCodeSchema })
export const recoveryLoginSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-7]{4}(-?[A-Z2-7]{4}){3}$/, { error: 'field.recovery_format' }),
})

/** A credential id, as the browser encodes it (base64url). */
const credentialId = z.string().min(1).max(1024)
/**
 * One signed part of a WebAuthn response (base64url). An attestation with its certificate chain
 * is a few KB; the bound only keeps a request from carrying megabytes into the verifier.
 */
const signedPart = z.string().min(1).max(32_768)

/**
 * What @simplewebauthn/browser sends back from a passkey prompt, named field by field so the
 * document (and the app's typed client) says what goes in. Unknown fields (the browser's
 * extension results) are dropped: @simplewebauthn/server reads none of them, and it verifies
 * every signed part itself.
 */
const webauthnCredential = <R extends z.ZodRawShape>(response: R) =>
  z.object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key'),
    response: z.object(response),
  })

/** The answer to a sign-in (or confirm-it-is-you) challenge: an assertion. */
export const webauthnAssertionSchema = webauthnCredential({
  clientDataJSON: signedPart,
  authenticatorData: signedPart,
  signature: signedPart,
  userHandle: signedPart.optional(),
})
/** The answer to a registration challenge: an attestation of the new passkey. */
export const webauthnAttestationSchema = webauthnCredential({
  clientDataJSON: signedPart,
  attestationObject: signedPart,
  authenticatorData: signedPart.optional(),
  transports: z.array(z.string().max(32)).max(16).optional(),
  publicKeyAlgorithm: z.number().int().optional(),
  publicKey: signedPart.optional(),
})
export const passkeyLoginSchema = z.strictObject({
  challengeId: idSchema,
  response: webauthnAssertionSchema,
})
export const passkeyRegisterSchema = z.strictObject({
  challengeId: idSchema,
  name: z.string().trim().min(1).max(60),
  response: webauthnAttestationSchema,
})
export const passkeyRenameSchema = z.strictObject({ name: z.string().trim().min(1).max(60) })

export const reauthSchema = z.union([
  z.strictObject({ password: passwordInputSchema }),
  z.strictObject({ challengeId: idSchema, response: webauthnAssertionSchema }),
])

export const changePasswordSchema = z.strictObject({
  currentPassword: passwordInputSchema,
  newPassword: passwordInputSchema,
})
export const updateAccountSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  locale: z.enum(LOCALES).optional(),
})

export const passwordLinkCheckSchema = z.strictObject({ token: linkTokenSchema })
export const passwordLinkSetSchema = z.strictObject({
  token: linkTokenSchema,
  password: passwordInputSchema,
})

export const createUserSchema = z.strictObject({
  loginName: loginNameSchema,
  displayName: displayNameSchema,
  locale: z.enum(LOCALES).default('en'),
})
export const updateUserSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  status: z.enum(['active', 'suspended']).optional(),
})

export const compartmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}(-[A-Z0-9]{1,10})?$/, { error: 'field.compartment_code_format' })
export const createCompartmentSchema = z.strictObject({
  code: compartmentCodeSchema,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(COMPARTMENT_KINDS),
})
export const updateCompartmentSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  /** Days a closed case is kept before retention review lists it; null: no limit. */
  retentionDays: z.number().int().min(30).max(36_500).nullable().optional(),
})

export const createGrantSchema = z.strictObject({
  userId: idSchema,
  role: z.enum(ROLES),
  /** Null: organisation-wide. */
  compartmentId: idSchema.nullable(),
})

export const securitySettingsSchema = z.strictObject({
  mfaRequiredRoles: z
    .array(z.enum(ROLES))
    .max(ROLES.length)
    .refine((roles) => ALWAYS_MFA_ROLES.every((r) => roles.includes(r)), {
      error: 'field.mfa_always_required',
    }),
})

export const idParamsSchema = z.strictObject({ id: idSchema })

/** Keyset-paged audit query: newest first, `before` is the last sequence number already seen. */
export const auditQuerySchema = z.strictObject({
  actorId: idSchema.optional(),
  /** The actor's login name: what an auditor knows, since auditors may not list users. */
  actor: z.string().trim().toLowerCase().min(1).max(64).optional(),
  entityType: z.string().max(50).optional(),
  entityId: idSchema.optional(),
  action: z.string().max(80).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
