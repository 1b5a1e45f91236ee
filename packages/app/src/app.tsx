import { LocationProvider, Route, Router } from 'preact-iso'
import { AppHeader } from './components/app-header.js'
import { t } from './lib/locale.js'
import { KeysPage } from './modules/keys/keys-page.js'
import { SetupPage } from './modules/setup/setup-page.js'

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
          <Route path="/app/admin/keys" component={KeysPage} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  )
}
