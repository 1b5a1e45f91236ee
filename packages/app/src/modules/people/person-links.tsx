import type { PersonView } from '@haven/core/people/people-views'
import { RELATIONS } from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiDelete, apiGet, apiPost } from '../../lib/typed-api.js'
import { optionsOf } from './people-parts.js'

type Relation = (typeof RELATIONS)[number]

/** The select offers only RELATIONS; this tells the type so (the server checks again). */
const isRelation = (value: string): value is Relation =>
  (RELATIONS as readonly string[]).includes(value)

/** Family and household links, to other people of the same compartment, named by code. */
export function PersonLinks(props: { person: PersonView; changed: () => void }): JSX.Element {
  const { person } = props
  const [code, setCode] = useState('')
  const [relation, setRelation] = useState<Relation>('parent')
  const submission = useSubmission()
  return (
    <section class="record-section" aria-labelledby="family-title">
      <h2 id="family-title">{t('people.family')}</h2>
      {person.links.length === 0 ? (
        <p>{t('people.no_links')}</p>
      ) : (
        <ul class="item-list">
          {person.links.map((link) => (
            <li key={link.id} class="item">
              <a class="item-title" href={`/app/people/${link.personId}`}>
                {link.code}
              </a>
              <span class="item-meta">{t(`relation.${link.relation}`)}</span>
              {person.actions.includes('update') && (
                <button
                  type="button"
                  class="link-button"
                  disabled={submission.busy}
                  aria-label={t('people.link_remove_named', { code: link.code })}
                  onClick={() =>
                    submission.run(async () => {
                      await apiDelete('/people/{id}/links/{linkId}', {
                        path: { id: person.id, linkId: link.id },
                      })
                      props.changed()
                    })
                  }
                >
                  {t('people.link_remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {person.actions.includes('update') && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submission.run(async () => {
              const wanted = code.trim().toUpperCase()
              const found = await apiGet('/people', {
                query: { q: wanted, compartmentId: person.compartmentId },
              })
              const other = found.people.find((p) => p.code === wanted)
              if (!other) {
                submission.setFields({ code: t('incidents.unknown_person', { code: wanted }) })
                return
              }
              await apiPost('/people/{id}/links', {
                path: { id: person.id },
                body: { relatedPersonId: other.id, relation },
              })
              setCode('')
              props.changed()
            })
          }}
        >
          <TextField
            id="link-code"
            label={t('people.link_person')}
            value={code}
            verbatim
            onInput={setCode}
            error={submission.fields.code ?? submission.fields.relatedPersonId}
          />
          <SelectField
            id="link-relation"
            label={t('people.family')}
            value={relation}
            options={optionsOf(RELATIONS, (r) => t(`relation.${r}`))}
            onChange={(value) => {
              if (isRelation(value)) setRelation(value)
            }}
          />
          <button type="submit" disabled={submission.busy || !code.trim()}>
            {t('people.link_add')}
          </button>
        </form>
      )}
      <ErrorAlert message={submission.error} />
    </section>
  )
}
