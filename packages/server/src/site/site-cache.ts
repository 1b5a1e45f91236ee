import type { AppContext } from '../app-context.js'
import type { PreparedResponse } from './prepared-response.js'
import type { SiteReader } from './published-db.js'
import { readSiteState } from './published-store.js'

/** How often an instance asks the database whether anything was published meanwhile. */
const RECHECK_MS = 1000
const MAX_PAGES = 400
const MAX_BYTES = 32 * 1024 * 1024

/**
 * Rendered pages of this server instance, valid for one version of the published content.
 * Every publication bumps the version in the database; an instance notices within a second
 * (or at once, when the publication happened here) and starts afresh.
 */
export class SiteCache {
  private version = -1
  private updatedAt = new Date(0).toISOString()
  private checkedAt = Number.NEGATIVE_INFINITY
  private pages = new Map<string, PreparedResponse>()
  private bytes = 0
  /** Exact request paths (no query) whose answer is the page under a key, for the fast path. */
  private paths = new Map<string, string>()
  private shared = new Map<string, unknown>()
  /** Bumped whenever the cache is emptied; a page rendered before that is not kept. */
  generation = 0

  /** The current version of published content (cheap: a query at most once a second). */
  async state(reader: SiteReader): Promise<{ version: number; updatedAt: string }> {
    const now = performance.now()
    if (now - this.checkedAt >= RECHECK_MS) {
      const state = await readSiteState(reader.db)
      this.checkedAt = now
      if (state.version !== this.version) {
        this.version = state.version
        this.updatedAt = state.updatedAt
        this.clear()
      }
    }
    return { version: this.version, updatedAt: this.updatedAt }
  }

  /** Forces the next request to ask the database again (after a publication on this instance). */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY
  }

  page(key: string): PreparedResponse | undefined {
    const hit = this.pages.get(key)
    if (hit) {
      // Most recently used last, so the oldest is the first to go.
      this.pages.delete(key)
      this.pages.set(key, hit)
    }
    return hit
  }

  storePage(key: string, page: PreparedResponse, generation: number): void {
    if (generation !== this.generation) return
    this.pages.set(key, page)
    this.bytes += page.size
    for (const [oldKey, old] of this.pages) {
      if (this.pages.size <= MAX_PAGES && this.bytes <= MAX_BYTES) break
      this.pages.delete(oldKey)
      this.bytes -= old.size
    }
  }

  /**
   * Notes that a GET of exactly `path` (no query string) answers with the page under `key`, so
   * the listener can serve it without routing (see `prepared-listener.ts`).
   */
  rememberPath(path: string, key: string, generation: number): void {
    if (generation !== this.generation || this.paths.get(path) === key) return
    this.paths.set(path, key)
    if (this.paths.size > MAX_PAGES * 2) {
      const oldest = this.paths.keys().next()
      if (!oldest.done) this.paths.delete(oldest.value)
    }
  }

  /**
   * The page for exactly this path, but only while the content version was confirmed within
   * the last second; otherwise undefined, and the full route re-checks the version (so a
   * publication elsewhere is seen within a second, and one on this instance at once).
   */
  freshPage(path: string): PreparedResponse | undefined {
    if (performance.now() - this.checkedAt >= RECHECK_MS) return undefined
    const key = this.paths.get(path)
    return key === undefined ? undefined : this.page(key)
  }

  /** A value derived from published content (the navigation, say), kept for this version. */
  async derived<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.shared.has(key)) return this.shared.get(key) as T
    const generation = this.generation
    const value = await load()
    if (generation === this.generation) this.shared.set(key, value)
    return value
  }

  private clear(): void {
    this.generation += 1
    this.pages.clear()
    this.paths.clear()
    this.shared.clear()
    this.bytes = 0
  }
}

const caches = new WeakMap<AppContext, SiteCache>()

export function siteCacheFor(app: AppContext): SiteCache {
  let cache = caches.get(app)
  if (!cache) {
    cache = new SiteCache()
    caches.set(app, cache)
  }
  return cache
}

/** Called after a publication commits on this instance. */
export function invalidateSiteCache(app: AppContext): void {
  caches.get(app)?.invalidate()
}
