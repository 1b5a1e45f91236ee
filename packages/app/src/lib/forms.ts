import { PASSWORD_MIN_LENGTH, passwordLength } from '@haven/core/identity/password-policy'
import { validate } from '@haven/core/validation/field-issues'
import { useState } from 'preact/hooks'
import type { z } from 'zod'
import { ApiError } from './api-client.js'
import { t } from './locale.js'

export type FieldErrors = Record<string, string>

/**
 * Checks input with the schema the server uses too. Messages are per field, in the person's
 * language, so they can be shown before a request is even sent.
 */
export function checkFields<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const result = validate(schema, input)
  if (result.ok) return result
  const errors: FieldErrors = {}
  for (const issue of result.issues) errors[issue.path] ??= t(issue.key, issue.params)
  return { ok: false, errors }
}

/** The checks a new password can get without the server: its length and its repetition. */
export function newPasswordErrors(
  password: string,
  again: string,
  fields: { password: string; again: string },
): FieldErrors {
  const errors: FieldErrors = {}
  if (passwordLength(password) < PASSWORD_MIN_LENGTH)
    errors[fields.password] = t('field.too_short', { minimum: PASSWORD_MIN_LENGTH })
  if (password !== again) errors[fields.again] = t('field.password_mismatch')
  return errors
}

/** Moves focus to the first field marked invalid, so a keyboard user lands on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  })
}

export interface Submission {
  busy: boolean
  /** A message for the whole form (shown in an alert). */
  error: string | null
  /** Messages next to fields, keyed by the field's path. */
  fields: FieldErrors
  setFields(fields: FieldErrors): void
  /** Runs `action` unless one is running; an ApiError's message and fields are shown. */
  run(action: () => Promise<void>): Promise<void>
}

/** State every form shares: busy while sending, then the server's error, if any. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<FieldErrors>({})
  return {
    busy,
    error,
    fields,
    setFields,
    async run(action) {
      if (busy) return
      setBusy(true)
      setError(null)
      setFields({})
      try {
        await action()
      } catch (caught) {
        if (caught instanceof ApiError) {
          setFields({ ...caught.fields })
          setError(caught.message)
        } else setError(caught instanceof Error ? caught.message : String(caught))
      } finally {
        setBusy(false)
      }
    },
  }
}
