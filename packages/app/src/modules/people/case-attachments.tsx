import { formatBytes, formatDateTime } from '@haven/core/i18n/format'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPostFile } from '../../lib/typed-api.js'
import { SealedText } from './people-parts.js'

/**
 * Photos and documents of a case. The server checks each file by its content, strips an image's
 * metadata and seals it; only those who may identify see names and can download.
 */
export function CaseAttachments({ kase }: { kase: CaseView }): JSX.Element {
  const [files, reload] = useLoad(
    () => apiGet('/cases/{id}/attachments', { path: { id: kase.id } }),
    kase.id,
  )
  const [file, setFile] = useState<File | null>(null)
  const [notice, setNotice] = useState('')
  const upload = useSubmission()
  const mayIdentify = kase.actions.includes('identify')
  return (
    <section class="record-section" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('cases.attachments')}</h2>
      {files.state === 'loading' && <Loading />}
      {files.state === 'failed' && <Problem error={files.error} />}
      {files.state === 'ready' &&
        (files.data.length === 0 ? (
          <p>{t('cases.no_attachments')}</p>
        ) : (
          <ul class="item-list">
            {files.data.map((f) => (
              <li key={f.id} class="item">
                <span class="item-title">
                  <SealedText view={f.fileName} />
                </span>
                <span class="item-meta">
                  {f.contentType} · {formatBytes(locale.value, f.byteSize)} ·{' '}
                  {formatDateTime(locale.value, f.createdAt)}
                </span>
                {mayIdentify && (
                  <a href={`/api/v1/attachments/${f.id}`} download>
                    {t('cases.download')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        ))}
      {mayIdentify && kase.actions.includes('update') && (
        <OnDemand label={t('cases.attach')}>
          {(close) => (
            <form
              class="inline-form"
              noValidate
              aria-label={t('cases.attach')}
              onSubmit={(event) => {
                event.preventDefault()
                if (!file) return
                setNotice('')
                void upload.run(async () => {
                  await apiPostFile('/cases/{id}/attachments', { path: { id: kase.id } }, file)
                  setNotice(t('cases.attached'))
                  setFile(null)
                  reload()
                  close()
                })
              }}
            >
              <div class={`field${upload.error ? ' field-invalid' : ''}`}>
                <label for="attachment-file">{t('cases.attach_file')}</label>
                <input
                  id="attachment-file"
                  type="file"
                  accept="image/jpeg,image/png,application/pdf"
                  aria-invalid={upload.error ? 'true' : undefined}
                  onChange={(e) =>
                    setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)
                  }
                />
              </div>
              <button type="submit" disabled={!file || upload.busy} aria-busy={upload.busy}>
                {t('cases.attach')}
              </button>
            </form>
          )}
        </OnDemand>
      )}
      <ErrorAlert message={upload.error} />
      <StatusMessage>{notice}</StatusMessage>
    </section>
  )
}
