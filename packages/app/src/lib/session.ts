import type { CurrentSessionView } from '@haven/core/auth/auth-views'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { computed, signal } from '@preact/signals'
import { ApiError, api } from './api-client.js'
import { isLocale, locale, localeChosenHere, setLocale } from './locale.js'
import { apiPost } from './typed-api.js'

/**
 * Who is signed in: `undefined` while the app asks the server, `null` when nobody is. The server
 * decides everything here (stage, grants, abilities); the app only shows or hides what it offers.
 */
export const session = signal<CurrentSessionView | null | undefined>(undefined)

/** A fully signed-in session (second factor done), or null. */
export const activeSession = computed(() =>
  session.value?.stage === 'active' ? session.value : null,
)

/** Why the sign-in page is shown (the session ended, the person signed out), if there is a reason. */
export const signInNotice = signal<MessageKey | null>(null)

/** A problem reaching the server while finding out who is signed in. */
export const sessionProblem = signal<string | null>(null)

export async function loadSession(): Promise<CurrentSessionView | null> {
  try {
    // Untyped on purpose: `can` holds the installed modules' abilities, which the document can
    // only call an open map of booleans, while core's `Abilities` names every module's keys.
    const view = await api<CurrentSessionView>('GET', '/auth/session')
    session.value = view
    sessionProblem.value = null
    return view
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.value = null
      return null
    }
    sessionProblem.value = error instanceof Error ? error.message : String(error)
    throw error
  }
}

let inFlight: Promise<CurrentSessionView | null> | null = null

/**
 * The session, asked of the server once when a page first needs it. Pages that need none (setup,
 * password links) never ask, so they make no request that is bound to fail.
 */
export function ensureSession(): Promise<CurrentSessionView | null> {
  if (session.value !== undefined) return Promise.resolve(session.value)
  inFlight ??= loadSession().finally(() => {
    inFlight = null
  })
  return inFlight
}

/**
 * After a sign-in completes: load the session and, unless the person picked a language on this
 * device, speak the language saved in their account.
 */
export async function signedIn(): Promise<CurrentSessionView | null> {
  const view = await loadSession()
  if (view && !localeChosenHere() && isLocale(view.user.locale)) setLocale(view.user.locale)
  return view
}

/** Called by the API client when the server says the session is gone (expired, ended, suspended). */
export function sessionEnded(): void {
  if (session.value) signInNotice.value = 'auth.session_ended'
  session.value = null
}

export async function signOut(): Promise<void> {
  const keepLocale = localeChosenHere()
  try {
    await apiPost('/auth/logout')
  } catch (error) {
    // Already ended on the server: the person is signed out either way.
    if (!(error instanceof ApiError && error.code === 'unauthenticated')) throw error
  }
  // The server's Clear-Site-Data wiped this origin's storage; a language choice is no secret.
  if (keepLocale) setLocale(locale.value)
  signInNotice.value = 'auth.signed_out'
  session.value = null
}
