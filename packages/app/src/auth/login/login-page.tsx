import type { LoginResultView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { lazy, useLocation } from 'preact-iso'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import {
  ensureSession,
  loadSession,
  session,
  signedIn,
  signInNotice,
  signOut,
} from '../../lib/session.js'
import { PasswordStep } from './password-step.js'
import type { SecondFactorMethod } from './second-factor-step.js'

// The steps after the password load when reached (most sign-ins on a phone never set one up).
const SecondFactorStep = lazy(() =>
  import('./second-factor-step.js').then((m) => m.SecondFactorStep),
)
const EnrolStep = lazy(() => import('./enrol-step.js').then((m) => m.EnrolStep))

type Step =
  | { kind: 'password' }
  | { kind: 'second'; methods: readonly SecondFactorMethod[] }
  | { kind: 'enrol' }

/** Where to go after signing in: a page of this app the person was sent away from, or home. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/app/') || next.startsWith('/app/login')) return '/app/'
  // Only a plain path inside the app: never another origin (//host) or a backslash trick.
  return /^\/app\/[\w\-./?=&%]*$/.test(next) && !next.includes('//') ? next : '/app/'
}

/** Steps of a sign-in that the server already knows about (after a reload, say). */
function stepForSession(): Step {
  const current = session.value
  if (current?.stage === 'mfa_pending') {
    const factors = current.secondFactors
    return {
      kind: 'second',
      methods: [
        ...(factors.totp ? (['totp'] as const) : []),
        'recovery',
        ...(factors.passkeys > 0 ? (['passkey'] as const) : []),
      ],
    }
  }
  if (current?.stage === 'enroll_required') return { kind: 'enrol' }
  return { kind: 'password' }
}

function titleFor(step: Step) {
  if (step.kind === 'password') return t('auth.sign_in')
  if (step.kind === 'enrol') return t('auth.enroll_title')
  return step.methods.some((m) => m !== 'passkey') ? t('auth.totp_title') : t('auth.finish_title')
}

/** Sign-in: password (or passkey), then the second factor, or its set-up when the role needs one. */
export function LoginPage(): JSX.Element {
  const { query, route } = useLocation()
  const [step, setStep] = useState<Step>(stepForSession)
  const [problem, setProblem] = useState<string | null>(null)
  const notice = signInNotice.value

  const finish = async () => {
    setProblem(null)
    try {
      const view = await signedIn()
      if (view?.stage === 'active') {
        signInNotice.value = null
        route(safeNext(query.next), true)
      } else setStep(stepForSession())
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }

  // Already signed in (a bookmark to the sign-in page): go on. A session that ended mid-way
  // (it expired while the person looked for their phone) starts over at the first step.
  // Enrolment is left alone: its last screen shows recovery codes once, and must stay until the
  // person says they saved them, even if the session is found active meanwhile.
  useEffect(() => {
    ensureSession().catch(() => {})
  }, [])
  useEffect(() => {
    if (session.value?.stage === 'active' && step.kind !== 'enrol')
      route(safeNext(query.next), true)
    else if (session.value === null && step.kind !== 'password') setStep({ kind: 'password' })
    else if (session.value && step.kind === 'password') setStep(stepForSession())
  }, [session.value])

  const onResult = (result: LoginResultView) => {
    signInNotice.value = null
    if (result.stage === 'active') {
      void finish()
      return
    }
    if (result.stage === 'mfa_pending') setStep({ kind: 'second', methods: result.methods })
    else setStep({ kind: 'enrol' })
    // Knowing the half-finished session lets the app tell "it expired" from "never started".
    loadSession().catch(() => {})
  }

  const startOver = async () => {
    try {
      await signOut()
    } catch {
      // Not reachable now; the half-finished session expires on its own within minutes.
    }
    signInNotice.value = null
    setStep({ kind: 'password' })
  }

  return (
    <section class="card narrow" aria-labelledby="page-title">
      <PageTitle key={step.kind} text={titleFor(step)} focus={step.kind !== 'password'} />
      {step.kind === 'password' && notice === 'auth.session_ended' && (
        <p class="notice" role="alert">
          {t(notice)}
        </p>
      )}
      {step.kind === 'password' && (
        <StatusMessage>{notice === 'auth.signed_out' ? t(notice) : null}</StatusMessage>
      )}
      <ErrorAlert message={problem} />
      {step.kind === 'password' && <PasswordStep onResult={onResult} />}
      {step.kind === 'second' && (
        <SecondFactorStep methods={step.methods} onDone={finish} onStartOver={startOver} />
      )}
      {step.kind === 'enrol' && <EnrolStep onDone={finish} onStartOver={startOver} />}
    </section>
  )
}
