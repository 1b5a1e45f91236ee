import { recoveryLoginSchema, totpLoginSchema } from '@haven/core/auth/auth-schemas'
import type { LoginResultView } from '@haven/core/auth/auth-views'
import type { JSX, Ref } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { passkeysSupported, signInWithPasskey } from '../../lib/passkeys.js'
import { apiPost } from '../../lib/typed-api.js'

/**
 * The field a person types a second-factor code into: six digits from the authenticator app
 * (the digit keyboard, the browser's one-time-code autofill) or a recovery code (typed exactly,
 * never autofilled). Sign-in asks for either; setting up the app asks for its first code. It lives
 * in sign-in's file so that sign-in's second step stays one download; the set-up, rarer, fetches
 * this file beside its own.
 */
export function SecondFactorCodeField(props: {
  kind: 'totp' | 'recovery'
  id: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement>
}): JSX.Element {
  const totp = props.kind === 'totp'
  return (
    <TextField
      key={props.kind}
      id={props.id}
      label={totp ? t('auth.totp_code') : t('auth.recovery_code')}
      value={props.value}
      onInput={props.onInput}
      error={props.error}
      autoComplete={totp ? 'one-time-code' : 'off'}
      {...(totp ? { inputMode: 'numeric' as const } : {})}
      verbatim
      required
      {...(props.inputRef ? { inputRef: props.inputRef } : {})}
    />
  )
}

export type SecondFactorMethod = LoginResultView['methods'][number]

/** The second step: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondFactorStep({
  methods,
  onDone,
  onStartOver,
}: {
  methods: readonly SecondFactorMethod[]
  onDone: () => void
  onStartOver: () => void
}): JSX.Element {
  const hasTotp = methods.includes('totp')
  const [mode, setMode] = useState<'totp' | 'recovery'>(hasTotp ? 'totp' : 'recovery')
  const [code, setCode] = useState('')
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)
  const canPasskey = methods.includes('passkey') && passkeysSupported()
  const canCode = hasTotp || methods.includes('recovery')

  const switchTo = (next: 'totp' | 'recovery') => {
    setMode(next)
    setCode('')
    submission.setFields({})
    requestAnimationFrame(() => form.current?.querySelector('input')?.focus())
  }

  return (
    <>
      {canCode && (
        <form
          ref={form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            const checked = checkFields(mode === 'totp' ? totpLoginSchema : recoveryLoginSchema, {
              code,
            })
            if (!checked.ok) {
              submission.setFields(checked.errors)
              focusFirstInvalid(form.current)
              return
            }
            void submission.run(async () => {
              try {
                await apiPost(mode === 'totp' ? '/auth/login/totp' : '/auth/login/recovery', {
                  body: checked.value,
                })
                onDone()
              } catch (error) {
                setCode('')
                throw error
              }
            })
          }}
        >
          <p>{mode === 'totp' ? t('auth.totp_intro') : t('auth.recovery_intro')}</p>
          <ErrorAlert message={submission.error} />
          <SecondFactorCodeField
            kind={mode}
            id="code"
            value={code}
            onInput={setCode}
            error={submission.fields.code}
          />
          <button type="submit" class="primary wide" disabled={submission.busy}>
            {t('auth.sign_in')}
          </button>
          {hasTotp && methods.includes('recovery') && (
            <button
              type="button"
              class="link-button"
              onClick={() => switchTo(mode === 'totp' ? 'recovery' : 'totp')}
            >
              {mode === 'totp' ? t('auth.use_recovery') : t('auth.use_totp')}
            </button>
          )}
        </form>
      )}
      {canPasskey && (
        <div class="alternative">
          {canCode && (
            <p class="or">
              <span>{t('auth.or')}</span>
            </p>
          )}
          {!canCode && <ErrorAlert message={submission.error} />}
          <button
            type="button"
            class={canCode ? 'secondary wide' : 'primary wide'}
            disabled={submission.busy}
            onClick={() =>
              submission.run(async () => {
                await signInWithPasskey()
                onDone()
              })
            }
          >
            {t('auth.use_passkey_now')}
          </button>
        </div>
      )}
      <p class="start-over">
        <button type="button" class="link-button" onClick={onStartOver}>
          {t('auth.start_over')}
        </button>
      </p>
    </>
  )
}
