import { checkPassword, type PasswordProblem } from '@haven/core/identity/password-policy'
import type { FieldIssue } from '@haven/core/validation/field-issues'
import { isCommonPassword } from './common-passwords.js'

/** The password policy with this server's organisation name and common-password list applied. */
export function passwordIssues(
  password: string,
  context: { orgName: string; loginName?: string | undefined },
  path = 'password',
): FieldIssue[] {
  const problem = checkPassword(password, {
    orgNames: [context.orgName, 'haven'],
    loginName: context.loginName,
    isCommon: isCommonPassword,
  })
  return problem ? [toIssue(problem, path)] : []
}

function toIssue(problem: PasswordProblem, path: string): FieldIssue {
  switch (problem.kind) {
    case 'too_short':
      return { path, key: 'field.too_short', params: { minimum: problem.minimum } }
    case 'too_long':
      return { path, key: 'field.too_long', params: { maximum: problem.maximum } }
    case 'common':
      return { path, key: 'field.password_common', params: {} }
    case 'contains_org':
      return { path, key: 'field.password_contains_org', params: {} }
    case 'contains_login':
      return { path, key: 'field.password_contains_login', params: {} }
  }
}
