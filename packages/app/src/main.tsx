import { render } from 'preact'
import { App } from './app.js'
import { setApiHooks } from './lib/api-client.js'
import { locale } from './lib/locale.js'
import { confirmIdentity } from './lib/reauth.js'
import { sessionEnded } from './lib/session.js'
import './app.css'

document.documentElement.lang = locale.value
// Every screen gets the same answers to "the session ended" and "confirm it is you".
setApiHooks({ sessionEnded, confirmIdentity })
const root = document.getElementById('root')
if (root) render(<App />, root)
