import { IMAGE_MAX_BYTES } from '@haven/core/cms/cms-schemas'
import { formatBytes } from '@haven/core/i18n/format'
import { useState } from 'preact/hooks'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { ApiError } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'
import { apiDelete, apiGet, apiPost } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'

/** The file as base64, read in the browser (the server decodes, checks and re-encodes it). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/** Upload images for pages; each is stripped of hidden data and listed with its Markdown. */
export function ImageLibrary() {
  const [images, reload] = useLoad(() => apiGet('/cms/images'), 'images')
  const [file, setFile] = useState<File | null>(null)
  const [label, setLabel] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [fileError, setFileError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const upload = async (event: Event) => {
    event.preventDefault()
    if (!file || busy) return
    if (file.size > IMAGE_MAX_BYTES) {
      setFileError(t('field.image_too_large'))
      return
    }
    setBusy(true)
    try {
      await apiPost('/cms/images', { body: { label, data: await readBase64(file) } })
      setNotice(t('cms.images.uploaded'))
      setFailure(null)
      setFileError(undefined)
      setLabel('')
      reload()
    } catch (error) {
      if (error instanceof ApiError) setFileError(error.fields.data)
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card" aria-labelledby="images-title">
      <h1 id="images-title">{t('cms.menu.images')}</h1>
      <CmsMenu current="images" />
      <p>{t('cms.images.intro')}</p>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      <form onSubmit={upload} noValidate class="upload">
        <div class={`field${fileError ? ' field-invalid' : ''}`}>
          <label for="image-file">{t('cms.images.file')}</label>
          <input
            id="image-file"
            type="file"
            accept="image/jpeg,image/png"
            aria-describedby={fileError ? 'image-file-error' : undefined}
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
          {fileError && (
            <p class="error" id="image-file-error">
              {fileError}
            </p>
          )}
        </div>
        <div class="field">
          <label for="image-label">{t('cms.images.label')}</label>
          <input
            id="image-label"
            value={label}
            maxLength={200}
            onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="primary" disabled={!file || busy} aria-busy={busy}>
          {t('cms.action.upload')}
        </button>
      </form>
      {images.state === 'loading' && <Loading />}
      {images.state === 'failed' && <Problem error={images.error} />}
      {images.state === 'ready' &&
        (images.data.length === 0 ? (
          <p>{t('cms.images.empty')}</p>
        ) : (
          <ul class="image-list">
            {images.data.map((image) => (
              <li key={image.id}>
                <img src={image.thumbnail} alt="" />
                <div>
                  <p>
                    <strong>{image.label || image.id}</strong>
                    <br />
                    <span class="hint">
                      {t('cms.images.size', {
                        width: image.width,
                        height: image.height,
                        size: formatBytes(locale.value, image.byteSize),
                      })}
                    </span>
                  </p>
                  <label>
                    {t('cms.images.snippet')}
                    <input
                      readOnly
                      value={`![${image.label}](${image.path})`}
                      onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
                    />
                  </label>
                  <button
                    type="button"
                    class="small danger"
                    onClick={async () => {
                      try {
                        await apiDelete('/cms/images/{id}', { path: { id: image.id } })
                        reload()
                      } catch (error) {
                        setFailure(error)
                      }
                    }}
                  >
                    {t('cms.action.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
