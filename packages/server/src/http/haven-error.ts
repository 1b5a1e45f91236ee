import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { Locale } from '@haven/core/i18n/locales'
import type { MessageParams } from '@haven/core/i18n/translate'
import type { FieldIssue } from '@haven/core/validation/field-issues'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * An error a person can act on: an HTTP status, a stable machine code, and a message key that
 * is translated into the caller's language when the response is written.
 */
export class HavenError extends Error {
  override name = 'HavenError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly fields: readonly FieldIssue[] = [],
    options?: {
      cause?: unknown
      headers?: Record<string, string>
      details?: Record<string, unknown>
      /** Params whose words differ by the reader's language (a place's Japanese name). */
      inLocale?: Partial<Record<Locale, MessageParams>>
    },
  ) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause })
    this.headers = options?.headers ?? {}
    this.details = options?.details
    this.inLocale = options?.inLocale ?? {}
  }
  readonly inLocale: Partial<Record<Locale, MessageParams>>
  /** The params for a reader of this language. */
  paramsFor(locale: Locale): MessageParams {
    return { ...this.params, ...this.inLocale[locale] }
  }
  readonly headers: Record<string, string>
  /** Extra, non-identifying facts a client needs to act (e.g. both sides of an edit conflict). */
  readonly details: Record<string, unknown> | undefined
}
