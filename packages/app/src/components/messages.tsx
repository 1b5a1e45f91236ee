import type { ComponentChildren, JSX } from 'preact'

/** A problem with a whole form or action, announced at once by screen readers. */
export function ErrorAlert({
  message,
}: {
  message: string | null | undefined
}): JSX.Element | null {
  if (!message) return null
  return (
    <p class="alert" role="alert">
      {message}
    </p>
  )
}

/**
 * A quiet confirmation ("Saved."), announced without interrupting. The live region is always
 * there, empty until it has something to say, because screen readers watch a region for
 * changes rather than announce one that appears.
 */
export function StatusMessage({ children }: { children?: ComponentChildren }): JSX.Element {
  return (
    <p class="status" role="status">
      {children}
    </p>
  )
}
