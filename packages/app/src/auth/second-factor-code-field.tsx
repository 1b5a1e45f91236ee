import type { JSX, Ref } from 'preact'
import { TextField } from '../components/text-field.js'
import { t } from '../lib/locale.js'

/**
 * The field a person types a second-factor code into: six digits from the authenticator app
 * (the digit keyboard, the browser's one-time-code autofill) or a recovery code (typed exactly,
 * never autofilled). Sign-in asks for either; setting up the app asks for its first code.
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
