import type { ComponentType, JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { reauthRequest } from '../lib/reauth.js'

type Form = ComponentType<{ settle: (confirmed: boolean) => void }>

/**
 * "Confirm it is you": shown over any screen whose request the server refused with
 * `reauth_required`. A modal <dialog> keeps focus inside and gives Escape for cancel; when it
 * closes the browser returns focus to the button that started the action.
 */
export function ReauthDialog(): JSX.Element | null {
  const request = reauthRequest.value
  // The form and the passkey code load only when the server first asks (most visits never do).
  const [Form, setForm] = useState<{ component: Form } | null>(null)
  useEffect(() => {
    if (request && !Form)
      import('./reauth-form.js').then(
        (m) => setForm({ component: m.ReauthForm }),
        // Unreachable code means an unreachable server: the action fails as it would anyway.
        () => request.settle(false),
      )
  }, [request, Form])
  if (!request || !Form) return null
  return <Form.component settle={request.settle} />
}
