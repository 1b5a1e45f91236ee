/**
 * Whether a database error is a unique-constraint violation, on either dialect. Services check
 * before inserting, but two server instances can pass the same check at once; the constraint is
 * what decides, and this turns its error into the answer the check would have given.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  // 23505: PostgreSQL's unique_violation; better-sqlite3 names SQLite's extended result codes.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
