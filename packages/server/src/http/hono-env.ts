import type { Locale } from '@haven/core/i18n/locales'
import type { Logger } from 'pino'

/** Per-request values every middleware and handler can read with `c.get(…)`. */
export interface HavenEnv {
  Variables: {
    requestId: string
    locale: Locale
    log: Logger
  }
}
