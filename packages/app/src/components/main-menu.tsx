import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { NAV_GROUPS, type NavEntry, navMatches } from '../lib/app-module.js'
import { t } from '../lib/locale.js'

/**
 * The main menu: every section the person may use, in four labelled groups (Work, Field,
 * Organisation, Me), nothing scrolled out of sight. On a wide screen all of it is shown; on a
 * phone it folds behind a Menu button (a disclosure: Enter or Space opens it, Escape closes it
 * and returns to the button, choosing a link closes it).
 */
export function MainMenu({ items, path }: { items: readonly NavEntry[]; path: string }) {
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  // A new page closes the menu, so the phone shows what was chosen.
  useEffect(() => setOpen(false), [path])
  const current = items.find((item) => navMatches(item, path))
  const groups = NAV_GROUPS.map((group) => ({
    group,
    entries: items.filter((item) => (item.group ?? 'work') === group),
  })).filter((g) => g.entries.length > 0)
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && open) {
      setOpen(false)
      toggle.current?.focus()
    }
  }
  return (
    <nav class={`app-nav${open ? ' open' : ''}`} aria-label={t('nav.label')} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        class="menu-toggle"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen(!open)}
      >
        <span class="menu-icon" aria-hidden="true" />
        {t('nav.menu')}
        {current && <span class="menu-current">{t(current.label)}</span>}
      </button>
      <div id="main-menu" class="menu-panel">
        {groups.map(({ group, entries }) => (
          <div class="nav-group" key={group}>
            <span class="nav-group-label" id={`nav-group-${group}`}>
              {t(`nav.group.${group}`)}
            </span>
            <ul aria-labelledby={`nav-group-${group}`}>
              {entries.map((item) => (
                <li key={item.href}>
                  <a
                    href={item.href}
                    aria-current={navMatches(item, path) ? 'page' : undefined}
                    onClick={() => setOpen(false)}
                  >
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  )
}
