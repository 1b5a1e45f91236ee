import { formatDate } from '@haven/core/i18n/format'
import type { ShelterStatus } from '@haven/core/shelters/shelter-schema'
import type { JSX } from 'preact'
import { locale, t } from '../../lib/locale.js'

export const day = (iso: string) => formatDate(locale.value, iso)

/** A shelter's status as a coloured badge; the word carries the meaning, not the colour. */
export function StatusBadge({ status }: { status: ShelterStatus }): JSX.Element {
  return <span class={`badge shelter-${status}`}>{t(`shelters.status.${status}`)}</span>
}

/** "3 of 12", with a bar that shows how full the shelter is (the text says it for everyone). */
export function Occupancy({
  occupancy,
  capacity,
}: {
  occupancy: number
  capacity: number
}): JSX.Element {
  const full = capacity > 0 && occupancy >= capacity
  return (
    <span class="occupancy">
      <span>{t('shelters.occupancy_value', { occupancy, capacity })}</span>
      <span class={`occupancy-bar${full ? ' full' : ''}`} aria-hidden="true">
        <span
          class={`occupancy-fill w${Math.min(10, Math.round((occupancy / Math.max(1, capacity)) * 10))}`}
        />
      </span>
    </span>
  )
}
