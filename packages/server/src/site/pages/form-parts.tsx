import type { ComponentChildren } from 'preact'

/** Values a visitor typed (given back untouched when something needs correcting) and problems. */
export interface FormState {
  values: Readonly<Record<string, string | readonly string[]>>
  errors: Readonly<Record<string, string>>
  /** A problem with the whole form (sent too quickly, too many messages). */
  formError?: string | undefined
  /** A quiet request to send once more (the anti-spam timing check), never shown as an error. */
  formNote?: string | undefined
}

const str = (v: string | readonly string[] | undefined) => (typeof v === 'string' ? v : '')

interface FieldProps {
  form: FormState
  name: string
  label: string
  hint?: string | undefined
  required?: boolean
  requiredText: string
}

function FieldFrame(props: FieldProps & { children: ComponentChildren; group?: boolean }) {
  const error = props.form.errors[props.name]
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      {props.group ? null : (
        <label for={`f-${props.name}`}>
          {props.label}
          {props.required && <span class="req"> ({props.requiredText})</span>}
        </label>
      )}
      {props.hint && (
        <p class="hint" id={`f-${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`f-${props.name}-error`}>
          {error}
        </p>
      )}
      {props.children}
    </div>
  )
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [
    props.hint ? `f-${props.name}-hint` : '',
    props.form.errors[props.name] ? `f-${props.name}-error` : '',
  ].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email'; autoComplete?: string; maxLength: number },
) {
  return (
    <FieldFrame {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={str(props.form.values[props.name])}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldFrame>
  )
}

export function TextArea(props: FieldProps & { rows: number; maxLength: number }) {
  return (
    <FieldFrame {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={props.rows}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {str(props.form.values[props.name])}
      </textarea>
    </FieldFrame>
  )
}

export function Select(
  props: FieldProps & { options: readonly { value: string; label: string; lang?: string }[] },
) {
  const value = str(props.form.values[props.name])
  return (
    <FieldFrame {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** Radio buttons or checkboxes in a fieldset whose legend is the question. */
export function Choices(
  props: FieldProps & {
    type: 'radio' | 'checkbox'
    options: readonly { value: string; label: string; lang?: string }[]
  },
) {
  const current = props.form.values[props.name]
  const chosen = (v: string) => (Array.isArray(current) ? current.includes(v) : current === v)
  return (
    <FieldFrame {...props} group>
      <fieldset
        id={`f-${props.name}`}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        <legend>
          {props.label}
          {props.required && <span class="req"> ({props.requiredText})</span>}
        </legend>
        {props.options.map((o) => (
          <label key={o.value} class="check">
            <input type={props.type} name={props.name} value={o.value} checked={chosen(o.value)} />{' '}
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </fieldset>
    </FieldFrame>
  )
}

/**
 * What a person never sees: a field only robots fill in (hidden off-screen, skipped by the
 * keyboard, labelled for the rare screen reader that reaches it) and the signed time the form
 * was served, for the minimum fill time.
 */
export function AntiSpamFields(props: { token: string; trapLabel: string }) {
  return (
    <>
      <div class="trap">
        <label for="f-website">{props.trapLabel}</label>
        <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="issued" value={props.token} />
    </>
  )
}

/** Problems listed above the form, each linking to its field (read first by screen readers). */
export function ErrorSummary(props: {
  form: FormState
  title: string
  labels: Readonly<Record<string, string>>
}) {
  const fields = Object.keys(props.form.errors)
  const note = props.form.formNote && (
    <p class="notice" role="status">
      {props.form.formNote}
    </p>
  )
  if (fields.length === 0 && !props.form.formError) return note || null
  return (
    <div class="error-summary" id="problems" role="alert">
      {note}
      <h2>{props.title}</h2>
      {props.form.formError && <p>{props.form.formError}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>
              <a href={`#f-${f}`}>
                {props.labels[f] ?? f}: {props.form.errors[f]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
