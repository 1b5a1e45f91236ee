import type { ComponentType, JSX } from 'preact'
import { LocationProvider, Route, Router } from 'preact-iso'
import { AppHeader } from './components/app-header.js'
import { OfflineBanner } from './components/offline-banner.js'
import { noteNavigation, PageTitle } from './components/page-title.js'
import { ReauthDialog } from './components/reauth-dialog.js'
import { RequireSession } from './components/require-session.js'
import { type AppPage, page, pathMatches } from './lib/app-module.js'
import { t } from './lib/locale.js'
import { APP_MODULES } from './modules/index.js'
import { HomePage } from './shell/home-page.js'

function NotFound(): JSX.Element {
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('app.not_found_title')} />
      <p>{t('app.not_found')}</p>
      <p>
        <a href="/app/">{t('nav.home')}</a>
      </p>
    </section>
  )
}

/** A page only a fully signed-in person sees. Made once per page so routing never remounts it. */
function signedInOnly<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function SignedInOnly(props: P) {
    return (
      <RequireSession>
        <Page {...props} />
      </RequireSession>
    )
  }
}

const HOME_PANELS = APP_MODULES.flatMap((m) => m.homePanels ?? [])
const Home = signedInOnly(() => <HomePage panels={HOME_PANELS} />)
// Each notification links where the module that wrote it says.
const NOTIFICATION_LINKS = Object.assign({}, ...APP_MODULES.map((m) => m.notificationLinks ?? {}))
/**
 * The shell's own pages, each loaded when first opened (sign-in, setup and the account page carry
 * the second-factor code and the forms' validation, which the people list does not need).
 */
const SIGNED_OUT_PAGES: readonly AppPage[] = [
  page(
    '/app/login',
    () => import('./auth/login/login-page.js').then((m) => m.LoginPage),
    undefined,
    'first',
  ),
  page(
    '/app/setup',
    () => import('./auth/setup-page.js').then((m) => m.SetupPage),
    undefined,
    'first',
  ),
  page(
    '/app/password',
    () => import('./auth/password-link-page.js').then((m) => m.PasswordLinkPage),
    undefined,
    'first',
  ),
]
const SIGNED_IN_PAGES: readonly AppPage[] = [
  page(
    '/app/account',
    () => import('./auth/account/account-page.js').then((m) => m.AccountPage),
    undefined,
    'first',
  ),
  page('/app/notifications', () =>
    import('./shell/notifications-page.js').then((m) => () => (
      <m.NotificationsPage links={NOTIFICATION_LINKS} />
    )),
  ),
]
const SHELL_PAGES = [
  ...SIGNED_OUT_PAGES.map((p) => ({ path: p.path, component: p.component })),
  ...SIGNED_IN_PAGES.map((p) => ({ path: p.path, component: signedInOnly(p.component) })),
]
/** Every module's pages, each wrapped once (so routing never remounts them). */
const MODULE_PAGES = APP_MODULES.flatMap((m) =>
  m.pages.map((p) => ({ path: p.path, component: signedInOnly(p.component) })),
)
const NAV = APP_MODULES.flatMap((m) => m.nav ?? [])

/**
 * On a cold start the page's code and its first data are asked for now, beside the session,
 * rather than one after the other once the session has answered: on a 400 ms line each step
 * saved is a round trip (the people list: session, chunk and list together instead of in turn).
 */
export function warmFirstPage(path: string, search: string): void {
  ;[...SIGNED_OUT_PAGES, ...SIGNED_IN_PAGES, ...APP_MODULES.flatMap((m) => m.pages)]
    .find((p) => pathMatches(p.path, path))
    ?.warm(new URLSearchParams(search))
}

export function App(): JSX.Element {
  return (
    <LocationProvider scope="/app">
      <a class="skip" href="#main">
        {t('common.skip_to_content')}
      </a>
      <AppHeader nav={NAV} />
      <OfflineBanner />
      <main id="main" class="main" tabIndex={-1}>
        <Router onRouteChange={noteNavigation}>
          <Route path="/app/" component={Home} />
          {[...SHELL_PAGES, ...MODULE_PAGES].map((p) => (
            <Route key={p.path} path={p.path} component={p.component} />
          ))}
          <Route default component={NotFound} />
        </Router>
      </main>
      <ReauthDialog />
    </LocationProvider>
  )
}
