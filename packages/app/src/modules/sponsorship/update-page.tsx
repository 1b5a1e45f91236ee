import type { AgeBand } from '@haven/core/people/index'
import type {
  SponsorSummaryView,
  SponsorUpdateView,
} from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import './sponsorship.css'

/** The update's words with what the review found marked, so the writer sees what to take out. */
function MarkedText({ update }: { update: SponsorUpdateView }): JSX.Element {
  if (update.text.state !== 'shown') return <p class="meta">{t('sponsorship.text_hidden')}</p>
  const text = update.text.value
  const parts: JSX.Element[] = []
  let at = 0
  for (const f of [...update.findings].sort((a, b) => a.at - b.at)) {
    if (f.at < at) continue
    parts.push(<span key={`t${at}`}>{text.slice(at, f.at)}</span>)
    parts.push(
      <mark key={`f${f.at}`} title={t(`sponsorship.finding.${f.kind}`)}>
        {text.slice(f.at, f.at + f.length)}
      </mark>,
    )
    at = f.at + f.length
  }
  parts.push(<span key={`t${at}`}>{text.slice(at)}</span>)
  return (
    <blockquote class="update-text" lang={update.language}>
      {parts}
    </blockquote>
  )
}

/** The letters an approved update becomes: one per sponsor of the child, in their language. */
function Letters({ update }: { update: SponsorUpdateView }): JSX.Element | null {
  const [sponsors, setSponsors] = useState<SponsorSummaryView[] | null>(null)
  useEffect(() => {
    apiGet('/sponsorship/sponsors')
      .then((page) => setSponsors(page.items.filter((s) => s.children.includes(update.alias))))
      .catch(() => setSponsors([]))
  }, [update.id])
  if (!sponsors) return null
  return (
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">{t('sponsorship.letters')}</h2>
      {sponsors.length === 0 ? (
        <p>{t('sponsorship.no_sponsors')}</p>
      ) : (
        <ul>
          {sponsors.map((s) => (
            <li key={s.id}>
              <a
                href={`/app/sponsorship/sponsors/${encodeURIComponent(s.id)}/letters/${encodeURIComponent(update.id)}`}
              >
                {t('sponsorship.letter_to', {
                  code: s.code,
                  language: t(`sponsorship.language.${s.language}`),
                })}
              </a>
              {' · '}
              <a
                href={`/api/v1/sponsorship/sponsors/${encodeURIComponent(s.id)}/letters/${encodeURIComponent(update.id)}/pdf`}
                download
              >
                {t('sponsorship.download_pdf')}
              </a>
            </li>
          ))}
        </ul>
      )}
      {sponsors.length > 0 && (
        <a
          class="button"
          href={`/api/v1/sponsorship/letters/pdf?updates=${encodeURIComponent(update.id)}`}
          download
        >
          {t('sponsorship.download_all_pdf')}
        </a>
      )}
    </section>
  )
}

/**
 * `/app/sponsorship/updates/:id`: one update for sponsors — what it says, what the review found,
 * and the next step: review (confirming the photo), then approval by a second person, then letters.
 */
export function UpdatePage({ id }: { id: string }): JSX.Element {
  const [update, setUpdate] = useState<SponsorUpdateView | null>(null)
  const [photoConfirmed, setPhotoConfirmed] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  const acting = useSubmission()
  useEffect(() => {
    void loading.run(async () =>
      setUpdate(await apiGet('/sponsorship/updates/{id}', { path: { id } })),
    )
  }, [id])
  const act = (step: 'review' | 'approve', done: string) =>
    acting.run(async () => {
      setUpdate(
        step === 'review'
          ? await apiPost('/sponsorship/updates/{id}/review', {
              path: { id },
              body: { photoConfirmed },
            })
          : await apiPost('/sponsorship/updates/{id}/approve', { path: { id } }),
      )
      setStatus(done)
    })
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('sponsorship.update_title')} />
      <ErrorAlert message={loading.error} />
      {update && (
        <>
          <p>
            <a href={`/app/sponsorship/enrolments/${encodeURIComponent(update.enrolmentId)}`}>
              {t('sponsorship.back_to_child', { alias: update.alias })}
            </a>
          </p>
          <dl class="facts">
            <dt>{t('sponsorship.update_status')}</dt>
            <dd class="update-status">{t(`sponsorship.update_status.${update.status}`)}</dd>
            <dt>{t('sponsorship.alias')}</dt>
            <dd>{update.alias}</dd>
            <dt>{t('sponsorship.age_band')}</dt>
            <dd>{t(`age_band.${update.ageBand as AgeBand}`)}</dd>
            <dt>{t('sponsorship.language')}</dt>
            <dd>{t(`sponsorship.language.${update.language}`)}</dd>
            <dt>{t('sponsorship.photo')}</dt>
            <dd>
              {!update.hasPhoto
                ? t('sponsorship.photo_none')
                : update.photoConfirmed
                  ? t('sponsorship.photo_confirmed')
                  : t('sponsorship.photo_unconfirmed')}
            </dd>
          </dl>
          <StatusMessage>{status}</StatusMessage>
          <ErrorAlert message={acting.error} />
          {update.findings.length > 0 && (
            <p class="alert" role="note">
              {t('sponsorship.findings', { count: update.findings.length })}
            </p>
          )}
          <MarkedText update={update} />
          {update.photo && (
            <img class="letter-photo" src={update.photo} alt={t('sponsorship.photo_to_review')} />
          )}
          {update.status === 'draft' && (
            <div class="next-step">
              {update.hasPhoto && (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={photoConfirmed}
                    onChange={(event) =>
                      setPhotoConfirmed((event.currentTarget as HTMLInputElement).checked)
                    }
                  />{' '}
                  {t('sponsorship.photo_confirm')}
                </label>
              )}
              <button
                type="button"
                class="primary"
                disabled={acting.busy}
                onClick={() => void act('review', t('sponsorship.reviewed'))}
              >
                {t('sponsorship.review')}
              </button>
            </div>
          )}
          {update.status === 'reviewed' && (
            <div class="next-step">
              <p class="hint">{t('sponsorship.approve_hint')}</p>
              <button
                type="button"
                class="primary"
                disabled={acting.busy}
                onClick={() => void act('approve', t('sponsorship.approved'))}
              >
                {t('sponsorship.approve')}
              </button>
            </div>
          )}
          {update.status === 'approved' && <Letters update={update} />}
        </>
      )}
    </section>
  )
}
