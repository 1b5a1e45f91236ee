import type { FieldIssue } from '../validation/field-issues.js'
import type { Birth, Identity, PersonAttributes } from './person-schema.js'

/** Today's date as YYYY-MM-DD in UTC; passed in so the rules stay pure and testable. */
export type Today = string

/**
 * Dates that cannot be right: a birth or an arrival after today. (Shapes are checked by the
 * schema; this needs the date, which the caller supplies.)
 */
export function personDateIssues(
  identity: Identity | undefined,
  attributes: Partial<PersonAttributes> | undefined,
  today: Today,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const birth = identity?.birth
  if (birth?.date && birth.date > today.slice(0, birth.date.length)) {
    issues.push({ path: 'identity.birth.date', key: 'field.date_in_future', params: {} })
  }
  if (attributes?.arrivalMonth && attributes.arrivalMonth > today.slice(0, 7)) {
    issues.push({ path: 'attributes.arrivalMonth', key: 'field.date_in_future', params: {} })
  }
  return issues
}

/** The year of birth as well as it is known (for duplicate checks), or null. */
export function birthYear(birth: Birth | undefined, today: Today): number | null {
  if (!birth) return null
  if (birth.date) return Number(birth.date.slice(0, 4))
  if (birth.approximateAge !== undefined) return Number(today.slice(0, 4)) - birth.approximateAge
  return null
}

/** The age band a birth implies today, to keep the non-identifying attribute consistent. */
export function ageBandFor(
  birth: Birth | undefined,
  today: Today,
): PersonAttributes['ageBand'] | null {
  const year = birthYear(birth, today)
  if (year === null) return null
  const age = Number(today.slice(0, 4)) - year
  if (age < 5) return '0-4'
  if (age < 12) return '5-11'
  if (age < 18) return '12-17'
  if (age < 30) return '18-29'
  if (age < 45) return '30-44'
  if (age < 60) return '45-59'
  return '60+'
}

/** A pseudonymous code: the compartment's code, P for person, a zero-padded number (YAN-P0042). */
export function personCode(compartmentCode: string, n: number): string {
  return `${compartmentCode}-P${String(n).padStart(4, '0')}`
}
export function caseCode(compartmentCode: string, n: number): string {
  return `${compartmentCode}-C${String(n).padStart(4, '0')}`
}

/** A query that looks like a code (YAN-P0042, or its start) searches codes; anything else names. */
export function looksLikeCode(q: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]{1,9}-[A-Za-z0-9-]*$/.test(q) && /\d|-P/i.test(q)
}
