import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../lib/locale.js'

/** Copies `text` to the clipboard and says so. `label` says what is copied ("Copy link"). */
export function CopyButton({ text, label }: { text: string; label: string }): JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 4000)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <span class="copy">
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text)
            setState('copied')
          } catch {
            // Clipboard access can be refused; the text is on the page to select by hand.
            setState('failed')
          }
        }}
      >
        {label}
      </button>
      <span class="copy-state" role="status">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('common.copy_failed')
            : ''}
      </span>
    </span>
  )
}
