import type { PersonView } from '@haven/core/people/people-views'
import {
  BIRTH_PRECISIONS,
  type Identity,
  NAME_SCRIPTS,
  type NameScript,
  SEXES,
  updatePersonSchema,
} from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { ApiError, api } from '../../lib/api-client.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { optionsOf, splitList } from './people-parts.js'

const SCRIPT_LANG: Record<NameScript, string> = {
  hangul: 'ko',
  hanzi: 'zh',
  kana: 'ja',
  latin: 'en',
}

/**
 * Correcting the sealed identity (names, birth or approximate age, sex, origin, phones, notes),
 * starting from what was revealed. The save names the version it started from: if someone saved
 * first, the server answers 409, nothing is overwritten, and the form says so.
 */
export function PersonIdentityForm(props: {
  person: PersonView
  identity: Identity
  saved: (identity: Identity) => void
}): JSX.Element {
  const { person, identity } = props
  const [names, setNames] = useState<Record<NameScript, string>>(
    Object.fromEntries(
      NAME_SCRIPTS.map((s) => [s, identity.names.find((n) => n.script === s)?.value ?? '']),
    ) as Record<NameScript, string>,
  )
  const [precision, setPrecision] = useState<string>(identity.birth?.precision ?? '')
  const [birthDate, setBirthDate] = useState(identity.birth?.date ?? '')
  const [age, setAge] = useState(
    identity.birth?.approximateAge === undefined ? '' : String(identity.birth.approximateAge),
  )
  const [sex, setSex] = useState<string>(identity.sex ?? '')
  const [origin, setOrigin] = useState(identity.placeOfOrigin ?? '')
  const [phones, setPhones] = useState(identity.phones.join('\n'))
  const [notes, setNotes] = useState(identity.notes ?? '')
  const [stale, setStale] = useState(false)
  const submission = useSubmission()
  const field = (path: string) => submission.fields[path]
  return (
    <details class="edit">
      <summary>{t('people.correct_identity')}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(updatePersonSchema, {
            version: person.version,
            identity: {
              names: NAME_SCRIPTS.filter((s) => names[s].trim()).map((script) => ({
                script,
                value: names[script],
              })),
              ...(precision
                ? {
                    birth:
                      precision === 'approximate_age'
                        ? { precision, approximateAge: age.trim() === '' ? undefined : Number(age) }
                        : { precision, date: birthDate.trim() || undefined },
                  }
                : {}),
              ...(sex ? { sex } : {}),
              ...(origin.trim() ? { placeOfOrigin: origin } : {}),
              phones: splitList(phones, /\n/),
              ...(notes.trim() ? { notes } : {}),
            },
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          void submission.run(async () => {
            try {
              await api('PATCH', `/people/${person.id}`, checked.value)
              setStale(false)
              props.saved(checked.value.identity ?? identity)
            } catch (error) {
              setStale(error instanceof ApiError && error.code === 'version_conflict')
              throw error
            }
          })
        }}
      >
        {NAME_SCRIPTS.map((script, i) => (
          <div key={script} lang={SCRIPT_LANG[script]}>
            <TextField
              id={`edit-name-${script}`}
              label={t('people.name_in', { script: t(`script.${script}`) })}
              value={names[script]}
              autoComplete="off"
              onInput={(v) => setNames({ ...names, [script]: v })}
              error={field(`identity.names.${i}.value`)}
            />
          </div>
        ))}
        <SelectField
          id="edit-birth-precision"
          label={t('people.birth_known')}
          value={precision}
          options={[
            { value: '', label: t('people.not_given') },
            ...optionsOf(BIRTH_PRECISIONS, (p) => t(`precision.${p}`)),
          ]}
          onChange={setPrecision}
          error={field('identity.birth.precision')}
        />
        {precision && precision !== 'approximate_age' && (
          <TextField
            id="edit-birth-date"
            label={t('people.birth_date')}
            value={birthDate}
            verbatim
            onInput={setBirthDate}
            error={field('identity.birth.date')}
          />
        )}
        {precision === 'approximate_age' && (
          <TextField
            id="edit-birth-age"
            label={t('people.approximate_age')}
            value={age}
            inputMode="numeric"
            onInput={setAge}
            error={field('identity.birth.approximateAge')}
          />
        )}
        <SelectField
          id="edit-sex"
          label={t('people.sex')}
          value={sex}
          options={[
            { value: '', label: t('people.not_given') },
            ...optionsOf(SEXES, (s) => t(`sex.${s}`)),
          ]}
          onChange={setSex}
        />
        <TextField
          id="edit-origin"
          label={t('people.origin')}
          value={origin}
          onInput={setOrigin}
          error={field('identity.placeOfOrigin')}
        />
        <TextArea
          id="edit-phones"
          label={t('people.phones')}
          hint={t('people.phones_hint')}
          rows={2}
          value={phones}
          onInput={setPhones}
          error={field('identity.phones.0') ?? field('identity.phones')}
        />
        <TextArea
          id="edit-notes"
          label={t('people.notes')}
          value={notes}
          onInput={setNotes}
          error={field('identity.notes')}
        />
        <ErrorAlert message={submission.error} />
        {stale && (
          <div class="conflict" role="note">
            <h3>{t('people.conflict_theirs')}</h3>
            <p>{t('people.identity_conflict')}</p>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  )
}
