import type { Abilities } from '@haven/core/auth/abilities'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { ComponentType } from 'preact'
import { lazy } from 'preact-iso'
import { early } from './api-client.js'
import { loadRest } from './locale.js'

/**
 * What a module hands the app shell: its pages, its entries in the main navigation, and where
 * its notifications link. Exported by `modules/<name>/index.ts`, listed once in
 * `modules/index.ts`, read only by app.tsx (the header gets its entries as a prop).
 */
export interface AppModule {
  /** The same word as `server/src/modules/<name>/` and `core/src/<name>/`. */
  readonly name: string
  /** Signed-in pages under /app; within a module, a fixed path before a `:param` one. */
  readonly pages: readonly AppPage[]
  readonly nav?: readonly NavEntry[]
  /** Where a notification of each kind the module writes (server side) takes the reader. */
  readonly notificationLinks?: Readonly<Record<string, (subjectId: string) => string>>
  /** Parts of the home work queue, in order, each shown to those its `shows` lets in. */
  readonly homePanels?: readonly HomePanel[]
}

/** A part of the home page (my cases, the caseload…), its code loaded when first shown. */
export interface HomePanel {
  readonly component: ComponentType
  shows(can: Abilities): boolean
}

/** A home panel whose code (and the messages of every module) loads with the home page of those who see it. */
export function homePanel(
  load: () => Promise<ComponentType>,
  shows: (can: Abilities) => boolean,
): HomePanel {
  return { component: lazy(withMessages(load)), shows }
}

/**
 * A screen's code together with every module's messages: only the shell's and the people
 * module's come before the first screen (lib/locale), the rest arrive with the first other page,
 * in parallel with its code.
 */
function withMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadRest()]).then(([loaded]) => loaded)
}

/** A screen at an address under /app. Route parameters (`:id`) arrive as props of that name. */
export interface AppPage {
  readonly path: string
  readonly component: ComponentType
  /** Starts loading the page's code (and its first data, if it names it) before it is shown. */
  warm(search: URLSearchParams): void
}

/**
 * A page whose code loads when it is first opened, so people who never open it never download
 * it: `page('/app/people/:id', () => import('./person-page.js').then((m) => m.PersonPage))`.
 */
export function page<P>(
  path: string,
  load: () => Promise<ComponentType<P>>,
  /** The API path of the page's first data for an address, asked for early on a cold start. */
  firstData?: (search: URLSearchParams) => string,
  /**
   * `first` when every word the page shows is in the first part of the catalog (the shell's and
   * the people module's), so it need not wait for the rest; checked by first-messages.test.ts.
   */
  messages: 'first' | 'all' = 'all',
): AppPage {
  const loadWith = messages === 'first' ? load : withMessages(load)
  return {
    path,
    // The router hands a page its path's parameters as props; the page declares which it reads.
    component: lazy(loadWith) as unknown as ComponentType,
    warm(search) {
      loadWith().catch(() => {})
      if (firstData) early(firstData(search))
    },
  }
}

/** Whether an address is a page's path (`/app/people/:id` matches `/app/people/123`). */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const have = path.replace(/\/$/, '').split('/')
  return (
    want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i])
  )
}

/** The menu's groups, in the order they are shown. */
export const NAV_GROUPS = ['work', 'field', 'organisation', 'me'] as const
export type NavGroup = (typeof NAV_GROUPS)[number]

/** A link in the app's main navigation. */
export interface NavEntry {
  readonly href: string
  readonly label: MessageKey
  /** `section` (the default): every page under `href` is part of it; `exact`: `href` alone. */
  readonly match?: 'section' | 'exact'
  /**
   * Which part of the menu it sits in: `work` (the default: people and cases), `field`
   * (shelters, distributions, stock), `organisation` (website, inbox, administration, audit) or
   * `me` (the person's own account).
   */
  readonly group?: NavGroup
  /** Whether to offer it, from the abilities the server computed; the API still refuses. */
  shows(can: Abilities): boolean
}

/** Whether `path` is the entry's page (for aria-current). */
export function navMatches(entry: Pick<NavEntry, 'href' | 'match'>, path: string): boolean {
  const href = entry.href.replace(/\/$/, '')
  return path === href || (entry.match !== 'exact' && path.startsWith(`${href}/`))
}

/** Declares a module (frozen, so nothing changes it after the list is read). */
export function defineAppModule(module: AppModule): Readonly<AppModule> {
  return Object.freeze(module)
}
