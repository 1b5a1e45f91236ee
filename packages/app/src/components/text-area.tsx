import type { JSX } from 'preact'

interface AreaProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  rows?: number
  code?: boolean
  lang?: string | undefined
}

/** A labelled text area whose hint and error are tied to it for screen readers. */
export function TextArea(props: AreaProps): JSX.Element {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        class={props.code ? 'code' : undefined}
        lang={props.lang}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  )
}
