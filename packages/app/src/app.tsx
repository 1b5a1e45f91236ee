import type { ComponentType, JSX } from 'preact'
import { LocationProvider, lazy, Route, Router } from 'preact-iso'
import { AppHeader } from './components/app-header.js'
import { noteNavigation, PageTitle } from './components/page-title.js'
import { ReauthDialog } from './components/reauth-dialog.js'
import { RequireSession } from './components/require-session.js'
import { t } from './lib/locale.js'
import { AccountPage } from './modules/account/account-page.js'
import { HomePage } from './modules/home/home-page.js'
import { KeysPage } from './modules/keys/keys-page.js'
import { LoginPage } from './modules/login/login-page.js'
import { PasswordLinkPage } from './modules/password-link/password-link-page.js'
import { SetupPage } from './modules/setup/setup-page.js'

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

const Home = signedInOnly(HomePage)
const Account = signedInOnly(AccountPage)
const Keys = signedInOnly(KeysPage)
// Administration and the audit log are for few people: their code loads when first opened.
const adminPages = () => import('./modules/admin/admin-pages.js')
const AdminUsers = signedInOnly(lazy(() => adminPages().then((m) => m.UsersPage)))
const AdminUser = signedInOnly(lazy(() => adminPages().then((m) => m.UserPage)))
const AdminCompartments = signedInOnly(lazy(() => adminPages().then((m) => m.CompartmentsPage)))
const AdminRoles = signedInOnly(lazy(() => adminPages().then((m) => m.RolesPage)))
const AdminSecurity = signedInOnly(lazy(() => adminPages().then((m) => m.SecurityPage)))
const Audit = signedInOnly(
  lazy(() => import('./modules/audit/audit-page.js').then((m) => m.AuditPage)),
)

// The website editor and the inbox load only when opened: field workers never download them.
const CmsHome = signedInOnly(lazy(() => import('./modules/cms/cms-home.js').then((m) => m.CmsHome)))
const EntryNew = signedInOnly(
  lazy(() => import('./modules/cms/entry-new.js').then((m) => m.EntryNew)),
)
const EntryEditor = signedInOnly(
  lazy(() => import('./modules/cms/entry-editor.js').then((m) => m.EntryEditor)),
)
const NavigationEditor = signedInOnly(
  lazy(() => import('./modules/cms/navigation-editor.js').then((m) => m.NavigationEditor)),
)
const FaqTopics = signedInOnly(
  lazy(() => import('./modules/cms/faq-topics.js').then((m) => m.FaqTopics)),
)
const ImageLibrary = signedInOnly(
  lazy(() => import('./modules/cms/image-library.js').then((m) => m.ImageLibrary)),
)
// Shelters and notifications: for the people who work in shelters (and their coordinators).
const Shelters = signedInOnly(
  lazy(() => import('./modules/shelters/shelters-page.js').then((m) => m.SheltersPage)),
)
const Shelter = signedInOnly(
  lazy(() => import('./modules/shelters/shelter-page.js').then((m) => m.ShelterPage)),
)
const Notifications = signedInOnly(
  lazy(() =>
    import('./modules/notifications/notifications-page.js').then((m) => m.NotificationsPage),
  ),
)
// Supplies and distributions: field workers record; the dashboard loads when opened.
const Distributions = signedInOnly(
  lazy(() => import('./modules/supplies/distributions-page.js').then((m) => m.DistributionsPage)),
)
const Dashboard = signedInOnly(
  lazy(() => import('./modules/supplies/dashboard-page.js').then((m) => m.DashboardPage)),
)
const Allowances = signedInOnly(
  lazy(() => import('./modules/supplies/allowances-page.js').then((m) => m.AllowancesPage)),
)
const Supplies = signedInOnly(
  lazy(() => import('./modules/supplies/supplies-page.js').then((m) => m.SuppliesPage)),
)
const InboxList = signedInOnly(
  lazy(() => import('./modules/inbox/inbox-list.js').then((m) => m.InboxList)),
)
const InboxMessage = signedInOnly(
  lazy(() => import('./modules/inbox/inbox-message.js').then((m) => m.InboxMessage)),
)

// People, cases and incidents: the caseworkers' screens, loaded when first opened.
const PeopleList = signedInOnly(
  lazy(() => import('./modules/people/people-list.js').then((m) => m.PeopleList)),
)
const PersonNew = signedInOnly(
  lazy(() => import('./modules/people/person-new.js').then((m) => m.PersonNew)),
)
const PersonPage = signedInOnly(
  lazy(() => import('./modules/people/person-page.js').then((m) => m.PersonPage)),
)
const CasesList = signedInOnly(
  lazy(() => import('./modules/cases/cases-list.js').then((m) => m.CasesList)),
)
const CaseNew = signedInOnly(
  lazy(() => import('./modules/cases/case-new.js').then((m) => m.CaseNew)),
)
const CasePage = signedInOnly(
  lazy(() => import('./modules/cases/case-page.js').then((m) => m.CasePage)),
)
const OverduePage = signedInOnly(
  lazy(() => import('./modules/cases/overdue-page.js').then((m) => m.OverduePage)),
)
const IncidentsPage = signedInOnly(
  lazy(() => import('./modules/incidents/incidents-page.js').then((m) => m.IncidentsPage)),
)
const RetentionPage = signedInOnly(
  lazy(() => import('./modules/cases/retention-page.js').then((m) => m.RetentionPage)),
)

export function App(): JSX.Element {
  return (
    <LocationProvider scope="/app">
      <a class="skip" href="#main">
        {t('common.skip_to_content')}
      </a>
      <AppHeader />
      <main id="main" class="main" tabIndex={-1}>
        <Router onRouteChange={noteNavigation}>
          <Route path="/app/login" component={LoginPage} />
          <Route path="/app/setup" component={SetupPage} />
          <Route path="/app/password" component={PasswordLinkPage} />
          <Route path="/app/" component={Home} />
          <Route path="/app/account" component={Account} />
          <Route path="/app/admin" component={AdminUsers} />
          <Route path="/app/admin/users/:id" component={AdminUser} />
          <Route path="/app/admin/compartments" component={AdminCompartments} />
          <Route path="/app/admin/roles" component={AdminRoles} />
          <Route path="/app/admin/security" component={AdminSecurity} />
          <Route path="/app/audit" component={Audit} />
          <Route path="/app/admin/keys" component={Keys} />
          <Route path="/app/cms" component={CmsHome} />
          <Route path="/app/cms/new" component={EntryNew} />
          <Route path="/app/cms/entries/:id" component={EntryEditor} />
          <Route path="/app/cms/navigation" component={NavigationEditor} />
          <Route path="/app/cms/faq-topics" component={FaqTopics} />
          <Route path="/app/cms/images" component={ImageLibrary} />
          <Route path="/app/shelters" component={Shelters} />
          <Route path="/app/shelters/:id" component={Shelter} />
          <Route path="/app/notifications" component={Notifications} />
          <Route path="/app/inbox" component={InboxList} />
          <Route path="/app/inbox/:id" component={InboxMessage} />
          <Route path="/app/people" component={PeopleList} />
          <Route path="/app/people/new" component={PersonNew} />
          <Route path="/app/people/:id" component={PersonPage} />
          <Route path="/app/cases" component={CasesList} />
          <Route path="/app/cases/new" component={CaseNew} />
          <Route path="/app/cases/:id" component={CasePage} />
          <Route path="/app/follow-ups" component={OverduePage} />
          <Route path="/app/incidents" component={IncidentsPage} />
          <Route path="/app/retention" component={RetentionPage} />
          <Route path="/app/distributions" component={Distributions} />
          <Route path="/app/dashboard" component={Dashboard} />
          <Route path="/app/allowances" component={Allowances} />
          <Route path="/app/supplies" component={Supplies} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <ReauthDialog />
    </LocationProvider>
  )
}
