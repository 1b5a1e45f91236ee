// The field app's service worker: it keeps the app shell (the page and its hashed scripts and
// styles) so the app opens without a connection. It never stores an API answer: those carry
// people's data and are `no-store`; they pass straight to the network.
const SHELL = 'haven-shell-v1'

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.add('/app/')))
  self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== location.origin) return
  if (!url.pathname.startsWith('/app/')) return
  if (event.request.mode === 'navigate') {
    // The newest page when online; the kept shell when not (every /app/ page is the same shell).
    event.respondWith(fetch(event.request).catch(() => caches.match('/app/')))
    return
  }
  if (url.pathname.startsWith('/app/assets/')) {
    // Hashed names never change content: the first copy is the copy.
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ||
          fetch(event.request).then((res) => {
            if (res.ok) {
              const copy = res.clone()
              caches.open(SHELL).then((cache) => cache.put(event.request, copy))
            }
            return res
          }),
      ),
    )
  }
})
