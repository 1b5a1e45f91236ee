import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { JSX } from 'preact'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import './people.css'

/** The compartments the signed-in person holds a grant in, for choosing where a record goes. */
export function grantedCompartments(): { value: string; label: string }[] {
  const seen = new Map<string, string>()
  for (const grant of activeSession.value?.grants ?? [])
    if (grant.compartmentId && grant.compartmentCode)
      seen.set(grant.compartmentId, grant.compartmentCode)
  return [...seen].map(([value, label]) => ({ value, label }))
}

/** Options of a select from a list of values and the message prefix naming them. */
export function optionsOf<V extends string>(
  values: readonly V[],
  label: (value: V) => string,
  any?: boolean,
): { value: string; label: string }[] {
  return [
    ...(any ? [{ value: '', label: t('people.any') }] : []),
    ...values.map((value) => ({ value, label: label(value) })),
  ]
}

/** "a, b , c" → ["a", "b", "c"] */
export function splitList(text: string, separator: RegExp = /[,、]/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A sealed text: its value, or why it is not shown. */
export function SealedText({ view }: { view: SealedTextView }): JSX.Element {
  if (view.state === 'shown') return <span class="breakable">{view.value}</span>
  if (view.state === 'hidden') return <span class="muted">{t('cases.note_hidden')}</span>
  return <span class="muted">{t('people.identity_destroyed')}</span>
}
