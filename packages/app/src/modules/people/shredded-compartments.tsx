import { formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'

/** A shredded compartment: its code and when its keys were destroyed. */
export interface Shredded {
  code: string
  shreddedAt: string
}

/**
 * The caller's compartments whose keys were destroyed, by id (empty until loaded, or if the
 * list cannot be had): screens say why names are not found and why nothing can change there.
 */
export function useShredded(): ReadonlyMap<string, Shredded> {
  const [list] = useLoad(() => apiGet('/compartments'), 'compartments')
  const shredded = new Map<string, Shredded>()
  if (list.state === 'ready')
    for (const c of list.data)
      if (c.shreddedAt) shredded.set(c.id, { code: c.code, shreddedAt: c.shreddedAt })
  return shredded
}

/** What may still be done with a record of a shredded compartment: read it, nothing more. */
export function readOnly<V extends { actions: string[] }>(view: V): V {
  return { ...view, actions: view.actions.filter((a) => a === 'identify' || a === 'export') }
}

/** Why this record cannot change: its compartment was shredded (and when). */
export function ShreddedRecord({ compartment }: { compartment: Shredded }): JSX.Element {
  return (
    <p class="callout" role="note">
      {t('people.shredded_record', {
        code: compartment.code,
        date: formatDateTime(locale.value, compartment.shreddedAt),
      })}
    </p>
  )
}

/** Why a name search finds no one in some compartments (shown only for name searches). */
export function ShreddedSearch({ codes }: { codes: readonly string[] }): JSX.Element | null {
  if (codes.length === 0) return null
  return (
    <p class="callout" role="note">
      {t('people.shredded_search', { codes: codes.join(', ') })}
    </p>
  )
}
