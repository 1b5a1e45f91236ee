import type { FieldMutation } from '@haven/core/field/field-schemas'
import { AGE_BANDS, NAME_SCRIPTS, type NameScript, SITUATIONS } from '@haven/core/people/index'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { t } from '../../lib/locale.js'

type Registration = Extract<FieldMutation, { kind: 'register_person' }>

/**
 * Registering someone met in the field, offline: one name in the script it was written in, the
 * birth year if known, age band and situation. The identity goes into the encrypted outbox only;
 * on sync the server seals it, indexes the name and checks for a likely duplicate (kept for a
 * coordinator's review, not registered twice). Offered only where the worker may register.
 */
export function RegisterForm(props: {
  compartments: { id: string; code: string }[]
  onSave: (m: Registration) => Promise<void>
}): JSX.Element {
  const [where, setWhere] = useState(props.compartments[0]?.id ?? '')
  const [name, setName] = useState('')
  const [script, setScript] = useState<NameScript>('hangul')
  const [year, setYear] = useState('')
  const [ageBand, setAgeBand] = useState<(typeof AGE_BANDS)[number]>('unknown')
  const [situation, setSituation] = useState<(typeof SITUATIONS)[number]>('unknown')
  const [error, setError] = useState<string | null>(null)
  const thisYear = new Date().getFullYear()

  const submit = (e: Event) => {
    e.preventDefault()
    const y = year.trim()
    if (y && !(/^\d{4}$/.test(y) && Number(y) >= 1900 && Number(y) <= thisYear))
      return setError(t('field.register.year_invalid'))
    setError(null)
    void props.onSave({
      clientId: crypto.randomUUID(),
      kind: 'register_person',
      data: {
        compartmentId: where,
        identity: {
          names: name.trim() ? [{ script, value: name.trim() }] : [],
          ...(y ? { birth: { precision: 'year' as const, date: y } } : {}),
          phones: [],
        },
        attributes: { ageBand, situation, arrivalMonth: null, languages: [], tags: [] },
      },
    })
  }

  if (props.compartments.length === 0) return <p>{t('field.register.not_allowed')}</p>
  return (
    <form class="field-form" autocomplete="off" onSubmit={submit}>
      <h2>{t('field.forms.person')}</h2>
      <p class="hint">{t('field.register.lead')}</p>
      {error && <ErrorAlert message={error} />}
      <SelectField
        id="f-where"
        label={t('field.form.compartment')}
        value={where}
        options={props.compartments.map((c) => ({ value: c.id, label: c.code }))}
        onChange={setWhere}
      />
      <TextField
        id="f-name"
        autoComplete="off"
        label={t('people.name')}
        value={name}
        onInput={setName}
        verbatim
      />
      <SelectField
        id="f-script"
        label={t('field.register.script')}
        value={script}
        options={NAME_SCRIPTS.map((s) => ({ value: s, label: t(`script.${s}`) }))}
        onChange={(s) => setScript(s as NameScript)}
      />
      <TextField
        id="f-year"
        autoComplete="off"
        label={t('people.birth_year')}
        value={year}
        onInput={setYear}
        inputMode="numeric"
        verbatim
      />
      <SelectField
        id="f-age"
        label={t('people.age_band')}
        value={ageBand}
        options={AGE_BANDS.map((a) => ({ value: a, label: t(`age_band.${a}`) }))}
        onChange={(a) => setAgeBand(a as (typeof AGE_BANDS)[number])}
      />
      <SelectField
        id="f-situation"
        label={t('people.situation')}
        value={situation}
        options={SITUATIONS.map((s) => ({ value: s, label: t(`situation.${s}`) }))}
        onChange={(s) => setSituation(s as (typeof SITUATIONS)[number])}
      />
      <button type="submit">{t('field.form.save')}</button>
    </form>
  )
}
