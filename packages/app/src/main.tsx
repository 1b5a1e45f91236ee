import { render } from 'preact'
import { App } from './app.js'
import { locale } from './lib/locale.js'
import './app.css'

document.documentElement.lang = locale.value
const root = document.getElementById('root')
if (root) render(<App />, root)
