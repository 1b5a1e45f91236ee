import type { z } from 'zod'
import type { MessageKey } from '../i18n/catalog-en.js'
import { hasMessageKeyShape } from '../i18n/format-message.js'

/** One problem with one field, ready to be translated for the person who typed it. */
export interface FieldIssue {
  /** Dotted path of the field (`names.0.value`); empty for the whole value. */
  path: string
  key: MessageKey
  params: Readonly<Record<string, string | number>>
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

const REQUIRED = 'haven:required'

/**
 * Parses `input` with `schema` and turns Zod's issues into message keys the UI and the API
 * translate. Never echoes the input back (it may be a password or a name).
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input, {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : undefined,
    reportInput: false,
  })
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, issues: result.error.issues.map(toFieldIssue) }
}

/**
 * A schema may name its own message by giving a catalog key as its error
 * (`.regex(re, { error: 'field.login_name_format' })`); otherwise the issue kind decides. The key
 * is told by its shape, so validating needs no catalog (the staff app loads one language only);
 * message-keys.test.ts checks that every key a schema gives is in the catalog.
 */
function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.')
  if (hasMessageKeyShape(issue.message))
    return { path, key: issue.message as MessageKey, params: {} }
  switch (issue.code) {
    case 'invalid_type':
      return issue.message === REQUIRED
        ? { path, key: 'field.required', params: {} }
        : { path, key: 'field.invalid_type', params: { expected: issue.expected } }
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { path, key: 'field.too_short', params: { minimum: Number(issue.minimum) } }
        : { path, key: 'field.too_small', params: { minimum: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { path, key: 'field.too_long', params: { maximum: Number(issue.maximum) } }
        : { path, key: 'field.too_big', params: { maximum: Number(issue.maximum) } }
    case 'invalid_value':
      return {
        path,
        key: 'field.invalid_value',
        params: { options: issue.values.map(String).join(', ') },
      }
    case 'invalid_format':
      return { path, key: 'field.invalid_format', params: { format: issue.format } }
    case 'unrecognized_keys':
      return {
        path: [...issue.path.map(String), ...(issue.keys.length === 1 ? issue.keys : [])].join('.'),
        key: 'field.unrecognized_keys',
        params: { keys: issue.keys.join(', ') },
      }
    default:
      return { path, key: 'field.invalid', params: {} }
  }
}
