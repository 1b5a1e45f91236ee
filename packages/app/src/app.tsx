import { LocationProvider, lazy, Route, Router } from 'preact-iso'
import { AppHeader } from './components/app-header.js'
import { t } from './lib/locale.js'
import { SetupPage } from './modules/setup/setup-page.js'

// The website editor and the inbox load only when opened: field workers never download them.
const CmsHome = lazy(() => import('./modules/cms/cms-home.js').then((m) => m.CmsHome))
const EntryNew = lazy(() => import('./modules/cms/entry-new.js').then((m) => m.EntryNew))
const EntryEditor = lazy(() => import('./modules/cms/entry-editor.js').then((m) => m.EntryEditor))
const NavigationEditor = lazy(() =>
  import('./modules/cms/navigation-editor.js').then((m) => m.NavigationEditor),
)
const FaqTopics = lazy(() => import('./modules/cms/faq-topics.js').then((m) => m.FaqTopics))
const ImageLibrary = lazy(() =>
  import('./modules/cms/image-library.js').then((m) => m.ImageLibrary),
)
const InboxList = lazy(() => import('./modules/inbox/inbox-list.js').then((m) => m.InboxList))
const InboxMessage = lazy(() =>
  import('./modules/inbox/inbox-message.js').then((m) => m.InboxMessage),
)

function Home() {
  return (
    <section class="card">
      <h1>{t('app.shell.welcome')}</h1>
      <p>{t('app.shell.sign_in_soon')}</p>
    </section>
  )
}

function NotFound() {
  return (
    <section class="card">
      <p>{t('app.not_found')}</p>
    </section>
  )
}

export function App() {
  return (
    <LocationProvider scope="/app">
      <a class="skip" href="#main">
        {t('common.skip_to_content')}
      </a>
      <AppHeader />
      <main id="main" class="main">
        <Router>
          <Route path="/app/" component={Home} />
          <Route path="/app/setup" component={SetupPage} />
          <Route path="/app/cms" component={CmsHome} />
          <Route path="/app/cms/new" component={EntryNew} />
          <Route path="/app/cms/entries/:id" component={EntryEditor} />
          <Route path="/app/cms/navigation" component={NavigationEditor} />
          <Route path="/app/cms/faq-topics" component={FaqTopics} />
          <Route path="/app/cms/images" component={ImageLibrary} />
          <Route path="/app/inbox" component={InboxList} />
          <Route path="/app/inbox/:id" component={InboxMessage} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  )
}
