import { translate } from '@haven/core/i18n/translate'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { FieldDestroyedError } from '../crypto/crypto-errors.js'
import { errors } from './errors.js'
import { HavenError } from './haven-error.js'
import type { HavenEnv } from './hono-env.js'

export interface ErrorBody {
  error: {
    code: string
    message: string
    requestId?: string
    /** Per-field messages, keyed by the field's dotted path. */
    fields?: Record<string, string>
    details?: Record<string, unknown>
  }
}

/** Any thrown value as a HavenError; unexpected ones are logged (without request data) and hidden. */
export function toHavenError(c: Context<HavenEnv>, error: unknown): HavenError {
  if (error instanceof HavenError) return error
  // A write that needed a shredded compartment's keys: refused for good, nothing was written.
  if (error instanceof FieldDestroyedError) return errors.keysDestroyed()
  if (error instanceof HTTPException && error.status === 413) return errors.payloadTooLarge('')
  const log = c.get('log')
  const requestId = c.get('requestId') ?? 'unknown'
  // Log the error's name, message and stack only: never the request, which may hold identities.
  const e = error instanceof Error ? error : new Error(String(error))
  log?.error({ err: { name: e.name, message: e.message, stack: e.stack } }, 'unexpected error')
  return new HavenError(500, 'internal_error', 'error.internal_error', { requestId })
}

/** The JSON body and status for an error, in the request's language. */
export function errorJson(c: Context<HavenEnv>, error: HavenError): Response {
  const locale = c.get('locale') ?? 'en'
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: translate(locale, error.messageKey, error.paramsFor(locale)),
    },
  }
  const requestId = c.get('requestId')
  if (requestId) body.error.requestId = requestId
  if (error.fields.length > 0) {
    body.error.fields = Object.fromEntries(
      // A field's params are the error's for this reader, where it named the same ones.
      error.fields.map((f) => [
        f.path || '_',
        translate(locale, f.key, f.params === error.params ? error.paramsFor(locale) : f.params),
      ]),
    )
  }
  if (error.details) body.error.details = error.details
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.json(body, error.status)
}
