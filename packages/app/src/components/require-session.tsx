import type { ComponentChildren, JSX } from 'preact'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { t } from '../lib/locale.js'
import {
  ensureSession,
  loadSession,
  session,
  sessionProblem,
  signInNotice,
} from '../lib/session.js'
import { ErrorAlert } from './messages.js'

/** The sign-in page, remembering where the person was going (not after an explicit sign-out). */
export function loginUrl(next: string): string {
  return next.startsWith('/app/') && next !== '/app/' && signInNotice.value !== 'auth.signed_out'
    ? `/app/login?next=${encodeURIComponent(next)}`
    : '/app/login'
}

/** The pages for someone not signed in. */
const SIGNED_OUT = ['/app/login', '/app/setup', '/app/password']

/** Shows its children to a fully signed-in person; sends anyone else to the sign-in page. */
export function RequireSession({ children }: { children: ComponentChildren }): JSX.Element | null {
  const { url, route } = useLocation()
  const current = session.value
  const needsSignIn = current === null || (current !== undefined && current.stage !== 'active')
  useEffect(() => {
    // A problem reaching the server is shown below, with a button to try again.
    if (current === undefined) ensureSession().catch(() => {})
  }, [current])
  useEffect(() => {
    // Already on the way to a signed-out page: the router keeps showing this page until that
    // page's code has loaded, and sending the person on again would nest `next` in `next`.
    if (needsSignIn && !SIGNED_OUT.some((p) => url.startsWith(p))) route(loginUrl(url), true)
  }, [needsSignIn, url, route])
  if (current === undefined) {
    return sessionProblem.value ? (
      <section class="card narrow">
        <ErrorAlert message={sessionProblem.value} />
        <button type="button" class="primary" onClick={() => loadSession().catch(() => {})}>
          {t('common.try_again')}
        </button>
      </section>
    ) : (
      <p class="loading" aria-live="polite">
        {t('common.loading')}
      </p>
    )
  }
  if (needsSignIn) return null
  return <>{children}</>
}
