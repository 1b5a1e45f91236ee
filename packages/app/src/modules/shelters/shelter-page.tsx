import { formatDateTime } from '@haven/core/i18n/format'
import type { ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { CompromiseSection } from './compromise-section.js'
import { LogSection } from './log-section.js'
import { ResidentsSection } from './residents-section.js'
import { EditShelterForm, ShelterFacts } from './shelter-details.js'
import './shelters.css'

/** `/app/shelters/:id`: one shelter — its details, residents, log and the compromise action. */
export function ShelterPage({ id }: { id: string }): JSX.Element {
  const [shelter, setShelter] = useState<ShelterView | null>(null)
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  const load = () =>
    loading.run(async () => setShelter(await apiGet('/shelters/{id}', { path: { id } })))
  useEffect(() => {
    void load()
  }, [id])

  return (
    <div class="page shelter-page">
      <p class="crumbs">
        <a href="/app/shelters">{t('shelters.back')}</a>
      </p>
      <PageTitle text={shelter ? shelter.code : t('shelters.title')} />
      <ErrorAlert message={loading.error} />
      {!shelter ? (
        !loading.error && <p>{t('common.loading')}</p>
      ) : (
        <>
          {shelter.status === 'compromised' && (
            <p class="alert" role="note">
              {t('shelters.frozen', {
                date: shelter.compromisedAt
                  ? formatDateTime(locale.value, shelter.compromisedAt)
                  : '',
              })}
            </p>
          )}
          {shelter.shredded && <p class="notice">{t('shelters.shredded')}</p>}
          <section class="card" aria-labelledby="details-title">
            <h2 id="details-title">{t('shelters.details')}</h2>
            <StatusMessage>{status}</StatusMessage>
            {editing ? (
              <EditShelterForm
                shelter={shelter}
                onReload={() => {
                  setEditing(false)
                  void load().then(() => setEditing(true))
                }}
                onDone={(saved) => {
                  setEditing(false)
                  if (saved) {
                    setShelter(saved)
                    setStatus(t('shelters.saved'))
                  }
                }}
              />
            ) : (
              <>
                <ShelterFacts shelter={shelter} />
                {shelter.actions.includes('update') && (
                  <button type="button" class="secondary" onClick={() => setEditing(true)}>
                    {t('shelters.edit')}
                  </button>
                )}
              </>
            )}
          </section>
          <ResidentsSection shelter={shelter} onChange={setShelter} />
          <LogSection shelter={shelter} onChange={setShelter} />
          <CompromiseSection shelter={shelter} onChange={setShelter} />
        </>
      )}
    </div>
  )
}
