/** Stable codes for everything the disclosure engine refuses to work with. */
export type DisclosureErrorCode =
  | 'invalid_policy'
  | 'invalid_table'
  | 'inconsistent_margins'
  | 'invalid_figure'
  | 'invalid_ledger'
  | 'invalid_statement'
  | 'solver_failed'
  | 'protection_failed'

/**
 * A refusal a person can act on: a stable `code` for programs and a message that names the
 * problem and what to change. `details` lists every problem when there are several (a policy
 * with three bad words gets all three, not the first).
 */
export class DisclosureError extends Error {
  override name = 'DisclosureError'
  constructor(
    readonly code: DisclosureErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message)
  }
}

export function invalidPolicy(problems: readonly string[]): DisclosureError {
  return new DisclosureError(
    'invalid_policy',
    `The disclosure policy is not valid: ${problems.join('; ')}.`,
    problems,
  )
}

export function invalidTable(problem: string): DisclosureError {
  return new DisclosureError('invalid_table', `The table cannot be protected: ${problem}.`, [
    problem,
  ])
}
