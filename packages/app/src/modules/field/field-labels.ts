import type { FieldMutationKind } from '@haven/core/field/field-schemas'
import { isMessageKey, t } from '../../lib/locale.js'

/** Each kind of outbox entry, in words (the field page's buttons, the outbox, the review). */
export const FORM_LABELS = {
  distribution: 'field.forms.distribution',
  shelter_log: 'field.forms.shelter_log',
  case_note: 'field.forms.case_note',
  follow_up_done: 'field.forms.follow_up',
  register_person: 'field.forms.person',
} as const satisfies Record<FieldMutationKind, string>

/** A kind as the server names it, in words (the raw name if it is none the app knows). */
export const kindLabel = (kind: string) =>
  kind in FORM_LABELS ? t(FORM_LABELS[kind as FieldMutationKind]) : kind

/** A value's words in the catalog (`situation.in_hiding`), or the value itself if it has none. */
export function labelOf(prefix: string, value: string): string {
  const key = `${prefix}.${value}`
  return isMessageKey(key) ? t(key) : value
}
