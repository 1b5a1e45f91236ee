import { siteIdentitySchema } from '@haven/core/cms/site-identity'
import { validate } from '@haven/core/validation/field-issues'
import { useEffect, useState } from 'preact/hooks'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'

const HEX = /^#[0-9a-fA-F]{6}$/

/**
 * `/app/cms/look`: the site's accent colour (refused unless readable on white) and its logo,
 * chosen from the image library; live on the site once saved.
 */
export function SiteLook() {
  const [loaded, reload] = useLoad(
    () => Promise.all([apiGet('/cms/identity'), apiGet('/cms/images')]),
    'site-look',
  )
  const [accent, setAccent] = useState('')
  const [logo, setLogo] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (loaded.state !== 'ready') return
    setAccent(loaded.data[0].accent ?? '')
    setLogo(loaded.data[0].logo?.id ?? '')
  }, [loaded])
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'failed') return <Problem error={loaded.error} />
  const images = loaded.data[1]

  const save = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    const input = { accent: accent.trim() || null, logoImageId: logo || null }
    const checked = validate(siteIdentitySchema, input)
    if (!checked.ok) {
      const next: Record<string, string> = {}
      for (const issue of checked.issues) next[issue.path] ??= t(issue.key, issue.params)
      setErrors(next)
      setNotice(null)
      return
    }
    setBusy(true)
    try {
      await apiPut('/cms/identity', { body: input })
      setErrors({})
      setFailure(null)
      setNotice(t('cms.look.saved'))
      reload()
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setFailure(error)
      setNotice(null)
    } finally {
      setBusy(false)
    }
  }
  const choices = [
    { id: '', label: t('cms.look.logo_none'), thumbnail: null },
    ...images.map((i) => ({ id: i.id, label: i.label || i.path, thumbnail: i.thumbnail })),
  ]
  return (
    <section class="card" aria-labelledby="look-title">
      <h1 id="look-title">{t('cms.menu.look')}</h1>
      <CmsMenu current="look" />
      <p>{t('cms.look.intro')}</p>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      <form onSubmit={save} noValidate>
        <div class="accent-field">
          <TextField
            id="look-accent"
            label={t('cms.look.accent')}
            hint={t('cms.look.accent_hint')}
            value={accent}
            onInput={setAccent}
            error={errors.accent}
            verbatim
          />
          {HEX.test(accent.trim()) && (
            <svg class="swatch" width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
              <rect width="40" height="40" rx="4" fill={accent.trim()} />
            </svg>
          )}
        </div>
        <fieldset class="picker">
          <legend>{t('cms.look.logo')}</legend>
          <p class="hint">{t('cms.look.logo_hint')}</p>
          {errors.logoImageId && <p class="error">{errors.logoImageId}</p>}
          <ul class="picker-list">
            {choices.map((image) => (
              <li key={image.id}>
                <label>
                  <input
                    type="radio"
                    name="look-logo"
                    value={image.id}
                    checked={logo === image.id}
                    onChange={() => setLogo(image.id)}
                  />
                  {image.thumbnail ? (
                    <img class="picker-thumb" src={image.thumbnail} alt="" width={96} />
                  ) : (
                    <span class="picker-blank" aria-hidden="true" />
                  )}
                  <span>{image.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('cms.action.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
