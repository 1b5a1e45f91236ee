import { firstLocale, importCatalog } from './lib/first-locale.js'

// A second, tiny entry of the app (index.html loads it before main.tsx): it asks for the reader's
// messages as soon as it arrives, instead of after the whole app has downloaded, which on a
// 400 ms line is one round trip less before the first screen. main.tsx imports the same chunk,
// and the browser fetches a module once.
importCatalog(firstLocale()).catch(() => {})
