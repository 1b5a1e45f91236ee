import { render } from 'preact'
import { App, warmFirstPage } from './app.js'
import { setApiHooks } from './lib/api-client.js'
import { noteReachable, noteUnreachable, watchConnection } from './lib/connection.js'
import { loadCatalog, locale } from './lib/locale.js'
import { confirmIdentity } from './lib/reauth.js'
import { ensureSession, loadSession, session, sessionEnded } from './lib/session.js'
import './app.css'

document.documentElement.lang = locale.value
// Every screen gets the same answers to "the session ended" and "confirm it is you".
setApiHooks({
  sessionEnded,
  confirmIdentity,
  unreachable: noteUnreachable,
  reachable: noteReachable,
})
// A dropped connection shows a banner (work is not being saved) until the server answers again.
watchConnection(window)
// Coming back to the tab asks again who is signed in, so a session that ended meanwhile (expired,
// suspended, signed out elsewhere) shows at once, not at the next click.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && session.value) loadSession().catch(() => {})
})
// The reader's messages, the session, the first page's code and its data, all at once (each is a
// round trip on a bad line). The app renders once the messages are in.
const messages = loadCatalog(locale.value)
// The pages for someone not signed in (sign-in, first setup, a password link) ask for no session:
// the server would answer 401, which the browser logs as an error on every such visit.
const SIGNED_OUT_PAGES = ['/app/login', '/app/setup', '/app/password']
if (!SIGNED_OUT_PAGES.some((p) => window.location.pathname.startsWith(p)))
  ensureSession().catch(() => {})
warmFirstPage(window.location.pathname, window.location.search)
const root = document.getElementById('root')
const start = () => {
  if (root) render(<App />, root)
}
// Without its messages (the line dropped) the app still starts: a key in place of a word is better
// than a blank screen, and the offline banner explains.
messages.then(start, start)
