import { AGE_BANDS, createPersonSchema, SITUATIONS } from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { LanguagePicker } from './language-picker.js'
import { optionsOf, splitList } from './people-parts.js'
import {
  emptyIdentityDraft,
  type IdentityDraft,
  IdentityFields,
  identityInputOf,
} from './person-identity-fields.js'
import { registrableCompartments } from './register-compartments.js'

interface Duplicate {
  id: string
  code: string
  matched: ('name' | 'birthYear')[]
  names: string[] | null
}

/**
 * Registering a person. Before anything is created, the names and birth year are checked against
 * the caller's compartments; possible duplicates are shown (codes only unless the caller may
 * identify) and registering anyway takes a second, deliberate press.
 */
export function PersonNew(): JSX.Element {
  const { route } = useLocation()
  // Where this person may register someone: for an organisation-wide grant, every shelter, so
  // the choice is theirs (nothing where the keys were destroyed).
  const [list] = useLoad(() => apiGet('/compartments'), 'compartments')
  const compartments =
    list.state === 'ready'
      ? registrableCompartments(activeSession.value?.grants ?? [], list.data)
      : []
  const [chosen, setCompartmentId] = useState('')
  // One compartment needs no choice; several need a deliberate one (no silent default).
  const compartmentId =
    compartments.length === 1
      ? (compartments[0]?.value ?? '')
      : compartments.some((c) => c.value === chosen)
        ? chosen
        : ''
  const [identity, setIdentity] = useState<IdentityDraft>(emptyIdentityDraft)
  const [situation, setSituation] = useState<string>('unknown')
  const [ageBand, setAgeBand] = useState<string>('unknown')
  const [arrival, setArrival] = useState('')
  const [languages, setLanguages] = useState<string[]>([])
  const [otherLanguages, setOtherLanguages] = useState('')
  const [thenOpenCase, setThenOpenCase] = useState(false)
  const [tags, setTags] = useState('')
  const [duplicates, setDuplicates] = useState<{ key: string; found: Duplicate[] } | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const submission = useSubmission()

  const input = () => ({
    compartmentId,
    identity: identityInputOf(identity),
    attributes: {
      situation,
      ageBand,
      arrivalMonth: arrival.trim() || null,
      languages,
      tags: splitList(tags),
    },
  })

  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    // Which of the two buttons: register only, or register and go on to open a case.
    const openCase = (event.submitter as HTMLButtonElement | null)?.value === 'case'
    setThenOpenCase(openCase)
    if (!compartmentId) {
      submission.setFields({ compartmentId: t('people.choose_compartment') })
      focusFirstInvalid(form.current)
      return
    }
    const checked = checkFields(createPersonSchema, input())
    if (!checked.ok) {
      submission.setFields(checked.errors)
      focusFirstInvalid(form.current)
      return
    }
    const value = checked.value
    const nameValues = value.identity.names.map((n) => n.value)
    const birthYear = value.identity.birth?.date
      ? Number(value.identity.birth.date.slice(0, 4))
      : undefined
    const key = JSON.stringify([compartmentId, nameValues, birthYear])
    void submission.run(async () => {
      if (nameValues.length > 0 && duplicates?.key !== key) {
        const found = await apiPost('/people/duplicates', {
          body: { names: nameValues, compartmentId, ...(birthYear ? { birthYear } : {}) },
        })
        setDuplicates({ key, found })
        if (found.length > 0) return
      }
      const created = await apiPost('/people', { body: value })
      const code = encodeURIComponent(created.code)
      route(
        openCase
          ? `/app/cases/new?person=${encodeURIComponent(created.id)}&registered=${code}`
          : `/app/people/${encodeURIComponent(created.id)}?registered=${code}`,
      )
    })
  }

  const field = (path: string) => submission.fields[path]
  const warned = duplicates !== null && duplicates.found.length > 0
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/people">{t('people.title')}</a>
      </p>
      <PageTitle text={t('people.new')} />
      {list.state === 'loading' ? (
        <Loading />
      ) : list.state === 'failed' ? (
        <Problem error={list.error} />
      ) : compartments.length === 0 ? (
        <p class="callout" role="note">
          {t('people.nowhere_to_register')}
        </p>
      ) : (
        <form ref={form} noValidate onSubmit={submit}>
          {compartments.length > 1 && (
            <SelectField
              id="compartment"
              label={t('people.compartment')}
              value={compartmentId}
              options={[{ value: '', label: t('people.choose_compartment') }, ...compartments]}
              onChange={(value) => {
                setCompartmentId(value)
                // Chosen now: the earlier "choose" message no longer applies.
                const { compartmentId: _answered, ...rest } = submission.fields
                if (value) submission.setFields(rest)
              }}
              error={field('compartmentId')}
            />
          )}
          <fieldset>
            <legend>{t('people.identity_section')}</legend>
            <p class="hint">{t('people.names_hint')}</p>
            <IdentityFields
              idPrefix=""
              draft={identity}
              onChange={setIdentity}
              error={(path) => field(`identity.${path}`)}
            />
          </fieldset>
          <fieldset>
            <legend>{t('people.attributes')}</legend>
            <SelectField
              id="situation"
              label={t('people.situation')}
              value={situation}
              options={optionsOf(SITUATIONS, (s) => t(`situation.${s}`))}
              onChange={setSituation}
            />
            <SelectField
              id="age-band"
              label={t('people.age_band')}
              value={ageBand}
              options={optionsOf(AGE_BANDS, (b) => t(`age_band.${b}`))}
              onChange={setAgeBand}
            />
            <TextField
              id="arrival"
              type="month"
              label={t('people.arrival')}
              hint={t('people.arrival_month_hint')}
              value={arrival}
              onInput={setArrival}
              error={field('attributes.arrivalMonth')}
            />
            <LanguagePicker
              value={languages}
              other={otherLanguages}
              onChange={(codes, other) => {
                setLanguages(codes)
                setOtherLanguages(other)
              }}
              error={field('attributes.languages.0') ?? field('attributes.languages')}
            />
            <TextField
              id="tags"
              label={t('people.tags')}
              hint={t('people.tags_hint')}
              value={tags}
              onInput={setTags}
              error={field('attributes.tags.0') ?? field('attributes.tags')}
            />
          </fieldset>
          {duplicates && (
            <section class="callout" aria-labelledby="duplicates-title" aria-live="polite">
              <h2 id="duplicates-title">{t('people.duplicates')}</h2>
              {duplicates.found.length === 0 ? (
                <p>{t('people.duplicates_none')}</p>
              ) : (
                <>
                  <p>{t('people.duplicates_intro')}</p>
                  <ul class="item-list">
                    {duplicates.found.map((d) => (
                      <li key={d.id} class="item">
                        <a class="item-title" href={`/app/people/${d.id}`}>
                          {d.code}
                        </a>
                        <span class="item-meta">
                          {t('people.duplicate_match', {
                            fields: d.matched.map((m) => t(`people.match.${m}`)).join(', '),
                          })}
                          {d.names && ` · ${d.names.join(' / ')}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          <ErrorAlert message={submission.error} />
          <div class="actions">
            <button
              type="submit"
              class="primary"
              name="then"
              value="case"
              disabled={submission.busy}
            >
              {warned && thenOpenCase
                ? t('people.register_anyway')
                : t('people.register_and_open_case')}
            </button>
            <button
              type="submit"
              class="secondary"
              name="then"
              value="person"
              disabled={submission.busy}
            >
              {warned && !thenOpenCase ? t('people.register_anyway') : t('people.register')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
