import type { JSX } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../lib/locale.js'

let navigated = false

/** Called on every client-side navigation: the next page's heading takes the focus. */
export function noteNavigation(): void {
  navigated = true
}

/**
 * The page's one h1. It names the browser tab, and after a navigation (or when `focus` is set,
 * for a new step of a form) it takes the focus, so a screen reader announces where the person
 * is now and the keyboard continues from there instead of from the link they left.
 */
export function PageTitle({ text, focus }: { text: string; focus?: boolean }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${text} – ${t('app.title')}`
  }, [text])
  useEffect(() => {
    if (navigated || focus) {
      navigated = false
      heading.current?.focus()
    }
  }, [])
  return (
    <h1 id="page-title" ref={heading} tabIndex={-1}>
      {text}
    </h1>
  )
}
