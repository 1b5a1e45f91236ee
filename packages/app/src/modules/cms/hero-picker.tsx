import { useState } from 'preact/hooks'
import { Loading, useLoad } from '../../components/load-state.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { Problem } from './cms-parts.js'

/**
 * The image library as a choice for the hero field, opened on demand: each image with its
 * thumbnail and label, or none. Choosing one writes its address into the field.
 */
export function HeroPicker(props: { id: string; value: string; onChoose: (path: string) => void }) {
  const [open, setOpen] = useState(false)
  return (
    <div class="hero-picker">
      <button
        type="button"
        class="small"
        aria-expanded={open}
        aria-controls={open ? props.id : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? t('cms.picker.close') : t('cms.picker.open')}
      </button>
      {open && <PickerList {...props} />}
    </div>
  )
}

function PickerList(props: { id: string; value: string; onChoose: (path: string) => void }) {
  const [images] = useLoad(() => apiGet('/cms/images'), 'images')
  if (images.state === 'loading') return <Loading />
  if (images.state === 'failed') return <Problem error={images.error} />
  const choices = [{ path: '', label: t('cms.picker.none'), thumbnail: null }, ...images.data]
  return (
    <fieldset class="picker" id={props.id}>
      <legend>{t('cms.picker.legend')}</legend>
      {images.data.length === 0 && <p class="hint">{t('cms.picker.empty')}</p>}
      <ul class="picker-list">
        {choices.map((image) => (
          <li key={image.path}>
            <label>
              <input
                type="radio"
                name={props.id}
                value={image.path}
                checked={props.value.trim() === image.path}
                onChange={() => props.onChoose(image.path)}
              />
              {image.thumbnail ? (
                <img class="picker-thumb" src={image.thumbnail} alt="" width={96} />
              ) : (
                <span class="picker-blank" aria-hidden="true" />
              )}
              <span>{image.label || image.path}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
