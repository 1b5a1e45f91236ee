import type { JSX } from 'preact'
import { offline } from '../lib/connection.js'
import { t } from '../lib/locale.js'

/**
 * Says, without blocking the screen, that the server cannot be reached. The live region stays in
 * the page so a screen reader announces the text when it appears, not only when focused. It has
 * no role="status": screens keep their own status line as the one status of the page.
 */
export function OfflineBanner(): JSX.Element {
  return (
    <div class="offline-banner-region" aria-live="polite">
      {offline.value ? (
        <p class="offline-banner" data-testid="offline-banner">
          <strong>{t('app.offline_title')}</strong> {t('app.offline_body')}
        </p>
      ) : null}
    </div>
  )
}
