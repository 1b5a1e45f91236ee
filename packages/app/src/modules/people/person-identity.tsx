import { formatCoarseDate } from '@haven/core/i18n/format'
import type { PersonView, RevealedIdentityView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiPost, apiPutFile } from '../../lib/typed-api.js'
import { PersonIdentityForm } from './person-identity-form.js'

function birthText(identity: Extract<RevealedIdentityView, { state: 'shown' }>['identity']) {
  const birth = identity.birth
  if (!birth) return t('people.not_given')
  if (birth.precision === 'approximate_age')
    return `${t('people.approximate_age')}: ${birth.approximateAge ?? ''}`
  return `${birth.date ? formatCoarseDate(locale.value, birth.date) : ''} (${t(`precision.${birth.precision}`)})`
}

/**
 * The sealed identity. The app never receives it until the person asks, and asking is audited;
 * "Hide" forgets it again. Without the identify permission there is no button at all.
 */
export function PersonIdentity({
  person,
  changed,
}: {
  person: PersonView
  /** After a correction: the person's version moved on. */
  changed: () => void
}): JSX.Element {
  const [revealed, setRevealed] = useState<RevealedIdentityView | null>(null)
  const [notice, setNotice] = useState('')
  const reveal = useSubmission()
  const mayIdentify = person.actions.includes('identify')
  return (
    <section class="record-section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('people.identity')}</h2>
      <p class="hint">{t('people.identity_intro')}</p>
      <ErrorAlert message={reveal.error} />
      {revealed === null && mayIdentify && (
        <div class="actions">
          <button
            type="button"
            aria-describedby="reveal-note"
            aria-busy={reveal.busy}
            onClick={() =>
              reveal.run(async () => {
                setRevealed(await apiPost('/people/{id}/reveal', { path: { id: person.id } }))
              })
            }
          >
            {t('people.reveal')}
          </button>
          <span id="reveal-note" class="hint">
            {t('people.reveal_note')}
          </span>
        </div>
      )}
      {revealed === null && !mayIdentify && <p class="muted">{t('people.identity_hidden')}</p>}
      {revealed?.state === 'destroyed' && <p class="muted">{t('people.identity_destroyed')}</p>}
      {revealed?.state === 'shown' && (
        <>
          <dl class="record" aria-label={t('people.identity')}>
            <dt>{t('people.names')}</dt>
            <dd>
              {revealed.identity.names.length === 0
                ? t('people.no_names')
                : revealed.identity.names.map((n) => (
                    <span key={n.script} class="name-line">
                      {t(`script.${n.script}`)}: <span class="breakable">{n.value}</span>
                    </span>
                  ))}
            </dd>
            <dt>{t('people.birth')}</dt>
            <dd>{birthText(revealed.identity)}</dd>
            <dt>{t('people.sex')}</dt>
            <dd>
              {revealed.identity.sex ? t(`sex.${revealed.identity.sex}`) : t('people.not_given')}
            </dd>
            <dt>{t('people.origin')}</dt>
            <dd class="breakable">{revealed.identity.placeOfOrigin ?? t('people.not_given')}</dd>
            <dt>{t('people.phones')}</dt>
            <dd>{revealed.identity.phones.join(', ') || t('people.not_given')}</dd>
            <dt>{t('people.notes')}</dt>
            <dd class="breakable">{revealed.identity.notes ?? t('people.not_given')}</dd>
          </dl>
          <StatusMessage>{notice}</StatusMessage>
          {person.actions.includes('update') && (
            <PersonIdentityForm
              key={person.version}
              person={person}
              identity={revealed.identity}
              saved={(identity) => {
                setRevealed({ state: 'shown', identity })
                setNotice(t('people.identity_saved'))
                changed()
              }}
            />
          )}
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                setRevealed(null)
                setNotice('')
              }}
            >
              {t('people.hide')}
            </button>
          </div>
        </>
      )}
      {mayIdentify && <PhotoSection person={person} />}
    </section>
  )
}

/** The photo: set (re-encoded without metadata by the server) and downloaded, audited. */
function PhotoSection({ person }: { person: PersonView }): JSX.Element {
  const [file, setFile] = useState<File | null>(null)
  const [saved, setSaved] = useState(person.hasPhoto)
  const [notice, setNotice] = useState('')
  const upload = useSubmission()
  return (
    <div class="photo">
      <h3>{t('people.photo')}</h3>
      {saved && (
        <p>
          <a href={`/api/v1/people/${person.id}/photo`} download>
            {t('people.photo_download')}
          </a>
        </p>
      )}
      {person.actions.includes('update') && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (!file) return
            void upload.run(async () => {
              await apiPutFile('/people/{id}/photo', { path: { id: person.id } }, file)
              setSaved(true)
              setNotice(t('people.photo_saved'))
            })
          }}
        >
          <div class={`field${upload.error ? ' field-invalid' : ''}`}>
            <label for="photo-file">{t('people.photo_file')}</label>
            <input
              id="photo-file"
              type="file"
              accept="image/jpeg,image/png"
              aria-invalid={upload.error ? 'true' : undefined}
              onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
            />
          </div>
          <button type="submit" disabled={!file || upload.busy} aria-busy={upload.busy}>
            {t('people.photo_upload')}
          </button>
        </form>
      )}
      <ErrorAlert message={upload.error} />
      <StatusMessage>{notice}</StatusMessage>
    </div>
  )
}
