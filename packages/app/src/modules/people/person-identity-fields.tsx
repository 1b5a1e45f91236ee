import {
  BIRTH_PRECISIONS,
  type Identity,
  NAME_SCRIPTS,
  type NameScript,
  SEXES,
} from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { t } from '../../lib/locale.js'
import { optionsOf, splitList } from './people-parts.js'

/** The language each name script is written in, so screen readers and fonts choose right. */
const SCRIPT_LANG: Record<NameScript, string> = {
  hangul: 'ko',
  hanzi: 'zh',
  kana: 'ja',
  latin: 'en',
}

/** The identity as typed: every field a string, as the inputs hold it. */
export interface IdentityDraft {
  names: Record<NameScript, string>
  /** '' (not given) or one of BIRTH_PRECISIONS. */
  precision: string
  birthDate: string
  age: string
  sex: string
  origin: string
  /** One per line. */
  phones: string
  notes: string
}

/** An empty draft, for registering someone new. */
export function emptyIdentityDraft(): IdentityDraft {
  return identityDraftOf({ names: [], phones: [] })
}

/** A draft starting from a revealed identity, for correcting it. */
export function identityDraftOf(identity: Identity): IdentityDraft {
  return {
    names: Object.fromEntries(
      NAME_SCRIPTS.map((s) => [s, identity.names.find((n) => n.script === s)?.value ?? '']),
    ) as Record<NameScript, string>,
    precision: identity.birth?.precision ?? '',
    birthDate: identity.birth?.date ?? '',
    age: identity.birth?.approximateAge === undefined ? '' : String(identity.birth.approximateAge),
    sex: identity.sex ?? '',
    origin: identity.placeOfOrigin ?? '',
    phones: identity.phones.join('\n'),
    notes: identity.notes ?? '',
  }
}

/** The names given (scripts left empty are left out), in script order. */
function namesOf(draft: IdentityDraft): NameScript[] {
  return NAME_SCRIPTS.filter((s) => draft.names[s].trim())
}

/** The identity to send, before the schema checks it (fields left empty are left out). */
export function identityInputOf(draft: IdentityDraft) {
  const { precision, birthDate, age } = draft
  return {
    names: namesOf(draft).map((script) => ({ script, value: draft.names[script] })),
    ...(precision
      ? {
          birth:
            precision === 'approximate_age'
              ? { precision, approximateAge: age.trim() === '' ? undefined : Number(age) }
              : { precision, date: birthDate.trim() || undefined },
        }
      : {}),
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.origin.trim() ? { placeOfOrigin: draft.origin } : {}),
    phones: splitList(draft.phones, /\n/),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
  }
}

/** A date kept in the shape the new precision takes (2001-04-17 → 2001-04 → 2001), never widened. */
function dateFor(precision: string, date: string): string {
  const length = { exact: 10, month: 7, year: 4 }[precision]
  return length && date.length >= length ? date.slice(0, length) : ''
}

/**
 * The identity's fields, shared by registration and correction: names in each script, birth
 * with the precision known (a date, month or year picker, or an approximate age), sex, origin,
 * phones and notes. Errors come by the schema's path; a name's path counts only the names
 * given, as they are sent.
 */
export function IdentityFields(props: {
  /** Prefix of the inputs' ids, so two forms on one page never share one. */
  idPrefix: string
  draft: IdentityDraft
  onChange: (draft: IdentityDraft) => void
  /** The error at a path of the identity (`names.0.value`, `birth.date`…), if any. */
  error: (path: string) => string | undefined
}): JSX.Element {
  const { draft, error, idPrefix } = props
  const set = (change: Partial<IdentityDraft>) => props.onChange({ ...draft, ...change })
  const given = namesOf(draft)
  const id = (name: string) => `${idPrefix}${name}`
  const { precision } = draft
  return (
    <>
      {NAME_SCRIPTS.map((script) => {
        const sent = given.indexOf(script)
        return (
          <div key={script} lang={SCRIPT_LANG[script]}>
            <TextField
              id={id(`name-${script}`)}
              label={t('people.name_in', { script: t(`script.${script}`) })}
              value={draft.names[script]}
              autoComplete="off"
              onInput={(value) => set({ names: { ...draft.names, [script]: value } })}
              error={sent >= 0 ? error(`names.${sent}.value`) : undefined}
            />
          </div>
        )
      })}
      <SelectField
        id={id('birth-precision')}
        label={t('people.birth_known')}
        value={precision}
        options={[
          { value: '', label: t('people.not_given') },
          ...optionsOf(BIRTH_PRECISIONS, (p) => t(`precision.${p}`)),
        ]}
        onChange={(next) => set({ precision: next, birthDate: dateFor(next, draft.birthDate) })}
        error={error('birth.precision')}
      />
      {precision === 'exact' && (
        <TextField
          id={id('birth-date')}
          type="date"
          label={t('people.birth_day')}
          value={draft.birthDate}
          onInput={(birthDate) => set({ birthDate })}
          error={error('birth.date')}
        />
      )}
      {precision === 'month' && (
        <TextField
          id={id('birth-date')}
          type="month"
          label={t('people.birth_month')}
          value={draft.birthDate}
          onInput={(birthDate) => set({ birthDate })}
          error={error('birth.date')}
        />
      )}
      {precision === 'year' && (
        <TextField
          id={id('birth-date')}
          label={t('people.birth_year')}
          value={draft.birthDate}
          inputMode="numeric"
          verbatim
          onInput={(birthDate) => set({ birthDate })}
          error={error('birth.date')}
        />
      )}
      {precision === 'approximate_age' && (
        <TextField
          id={id('birth-age')}
          label={t('people.approximate_age')}
          value={draft.age}
          inputMode="numeric"
          onInput={(age) => set({ age })}
          error={error('birth.approximateAge')}
        />
      )}
      <SelectField
        id={id('sex')}
        label={t('people.sex')}
        value={draft.sex}
        options={[
          { value: '', label: t('people.not_given') },
          ...optionsOf(SEXES, (s) => t(`sex.${s}`)),
        ]}
        onChange={(sex) => set({ sex })}
      />
      <TextField
        id={id('origin')}
        label={t('people.origin')}
        value={draft.origin}
        onInput={(origin) => set({ origin })}
        error={error('placeOfOrigin')}
      />
      <TextArea
        id={id('phones')}
        label={t('people.phones')}
        hint={t('people.phones_hint')}
        rows={2}
        value={draft.phones}
        onInput={(phones) => set({ phones })}
        error={[0, 1, 2, 3, 4].map((i) => error(`phones.${i}`)).find(Boolean) ?? error('phones')}
      />
      <TextArea
        id={id('notes')}
        label={t('people.notes')}
        value={draft.notes}
        onInput={(notes) => set({ notes })}
        error={error('notes')}
      />
    </>
  )
}
