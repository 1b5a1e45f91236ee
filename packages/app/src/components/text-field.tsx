import type { JSX, Ref } from 'preact'

interface TextFieldProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  type?: 'text' | 'password' | 'date' | 'month'
  autoComplete?: string
  required?: boolean
  hint?: string | undefined
  /** `numeric` brings up the digit keyboard on phones (one-time codes). */
  inputMode?: 'text' | 'numeric'
  /** Login names, codes and keys are typed exactly: no capitals or corrections added by the phone. */
  verbatim?: boolean
  list?: string
  readOnly?: boolean
  inputRef?: Ref<HTMLInputElement>
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField(props: TextFieldProps): JSX.Element {
  const errorId = `${props.id}-error`
  const hintId = `${props.id}-hint`
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        required={props.required}
        inputMode={props.inputMode}
        list={props.list}
        readOnly={props.readOnly}
        {...(props.verbatim
          ? { autoCapitalize: 'none', autoCorrect: 'off', spellcheck: false }
          : {})}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {props.error && (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  )
}
