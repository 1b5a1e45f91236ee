import type { Locale } from '@haven/core/i18n/locales'
import type { Logger } from 'pino'
import type { ResolvedSession } from '../auth/session-service.js'

/** Per-request values every middleware and handler can read with `c.get(…)`. */
export interface HavenEnv {
  Variables: {
    requestId: string
    locale: Locale
    log: Logger
    /** The signed-in session, on the staff side (null when there is none). */
    session: ResolvedSession | null
  }
}
