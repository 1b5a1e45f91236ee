/**
 * Roles a grant can give. What each may do is declared in the server's policy files; this list
 * and the facts below are shared with the app so it can explain roles to administrators.
 */
export const ROLES = [
  'administrator',
  'coordinator',
  'caseworker',
  'field_worker',
  'finance',
  'editor',
  'auditor',
  /** Corresponds with sponsors: sees sponsors and children's aliases, never their identities. */
  'sponsor_relations',
] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Roles whose holders may reveal identifying fields (names, birth dates, photos…) in their compartments. */
export const IDENTIFYING_ROLES: readonly Role[] = ['coordinator', 'caseworker']

/**
 * Roles that only make sense organisation-wide (users and settings, the audit log, the public
 * site); the others are granted within a compartment, or organisation-wide for every compartment.
 */
export const ORGANISATION_ROLES: readonly Role[] = ['administrator', 'auditor', 'editor']

/**
 * Roles that always need a second factor, whatever the settings say: administrators hold the
 * most powerful accounts (users, grants, keys), so theirs must be the best protected.
 */
export const ALWAYS_MFA_ROLES: readonly Role[] = ['administrator']

/** The organisation default: administrators, and everyone who can see identifying data. */
export const DEFAULT_MFA_ROLES: readonly Role[] = [...ALWAYS_MFA_ROLES, ...IDENTIFYING_ROLES]

export const COMPARTMENT_KINDS = ['shelter', 'region', 'programme', 'inbox'] as const
export type CompartmentKind = (typeof COMPARTMENT_KINDS)[number]
