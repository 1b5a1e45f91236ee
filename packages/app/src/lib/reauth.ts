import { signal } from '@preact/signals'

/** The open "Confirm it is you" request; the dialog settles it. */
export const reauthRequest = signal<{ settle: (confirmed: boolean) => void } | null>(null)

let pending: Promise<boolean> | null = null

/**
 * Asks the person to confirm it is them (password or passkey). Requests refused at the same
 * moment share one dialog. Resolves true once the server accepted the confirmation.
 */
export function confirmIdentity(): Promise<boolean> {
  pending ??= new Promise<boolean>((resolve) => {
    reauthRequest.value = {
      settle: (confirmed) => {
        reauthRequest.value = null
        pending = null
        resolve(confirmed)
      },
    }
  })
  return pending
}
