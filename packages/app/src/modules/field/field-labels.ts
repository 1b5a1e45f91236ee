import {
  type FieldMutationKind,
  type FieldRefusal,
  isFieldRefusal,
} from '@haven/core/field/field-schemas'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
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

/** Each code a push may refuse an entry with, in words (a code without any fails the typecheck). */
export const REFUSAL_LABELS = {
  forbidden: 'field.refused.forbidden',
  not_found: 'field.refused.not_found',
  validation_failed: 'field.refused.validation_failed',
  not_applied: 'field.refused.not_applied',
  no_allowance_policy: 'field.refused.no_allowance_policy',
  no_exchange_rate: 'field.refused.no_exchange_rate',
  person_not_in_compartment: 'field.refused.person_not_in_compartment',
  compartment_mismatch: 'field.refused.compartment_mismatch',
  record_frozen: 'field.refused.record_frozen',
  keys_destroyed: 'field.refused.keys_destroyed',
} as const satisfies Record<FieldRefusal, MessageKey>

/** Why the server refused an outbox entry, in words (one it does not know: said so, with its code). */
export const refusalLabel = (code: string) =>
  t('field.outcome.refused_because', {
    reason: isFieldRefusal(code)
      ? t(REFUSAL_LABELS[code])
      : t('field.refused.other', { code: code || '—' }),
  })
