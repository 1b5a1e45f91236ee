import type { ComponentChildren, JSX } from 'preact'
import { useState } from 'preact/hooks'

/**
 * A form behind its own button (a `<details>`): work screens show facts first and open a form only
 * when asked. The form is not even rendered until then, so it loads nothing and steals no focus;
 * `close` folds it again after a save.
 */
export function OnDemand(props: {
  label: string
  id?: string
  children: (close: () => void) => ComponentChildren
}): JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <details
      class="edit on-demand"
      id={props.id}
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{props.label}</summary>
      {open && props.children(() => setOpen(false))}
    </details>
  )
}
