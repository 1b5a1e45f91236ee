/**
 * Password rules from OWASP ASVS 5.0 (V6.2): 12 to 128 characters, no composition rules,
 * not a known common or breached password, not built from the organisation's or the user's name.
 * The list of common passwords is passed in, because core does no I/O.
 */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

export type PasswordProblem =
  | { kind: 'too_short'; minimum: number }
  | { kind: 'too_long'; maximum: number }
  | { kind: 'common' }
  | { kind: 'contains_org' }
  | { kind: 'contains_login' }

export interface PasswordContext {
  orgNames: readonly string[]
  loginName?: string | undefined
  isCommon: (normalised: string) => boolean
}

/** Length is counted in code points so a Japanese passphrase is measured as a person counts it. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length
}

export function checkPassword(password: string, context: PasswordContext): PasswordProblem | null {
  const length = passwordLength(password)
  if (length < PASSWORD_MIN_LENGTH) return { kind: 'too_short', minimum: PASSWORD_MIN_LENGTH }
  if (length > PASSWORD_MAX_LENGTH) return { kind: 'too_long', maximum: PASSWORD_MAX_LENGTH }
  const folded = foldForComparison(password)
  if (context.isCommon(folded)) return { kind: 'common' }
  for (const org of context.orgNames) {
    const orgFolded = foldForComparison(org)
    if (orgFolded.length >= 3 && folded.includes(orgFolded)) return { kind: 'contains_org' }
  }
  const login = context.loginName ? foldForComparison(context.loginName) : ''
  if (login.length >= 3 && folded.includes(login)) return { kind: 'contains_login' }
  return null
}

/** Case, width and separators do not make a password different enough to matter. */
export function foldForComparison(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '')
}
