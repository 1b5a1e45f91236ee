import type { ImageWeightView } from '@haven/core/cms/cms-views'
import { formatBytes } from '@haven/core/i18n/format'
import { useEffect, useState } from 'preact/hooks'
import { locale, t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'

/** Wait this long after the last keystroke before weighing again. */
const SETTLE_MS = 400

/**
 * What the page's images weigh on a 390 px phone, weighed by the server as publishing weighs
 * them, so an editor sees a page over the budget before publishing refuses it. Weighed again a
 * moment after the hero or the text changes.
 */
export function ImageWeight(props: { heroImage: string; body: string }) {
  const [weight, setWeight] = useState<ImageWeightView | null>(null)
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      apiPost('/cms/image-weight', {
        body: {
          heroImage: props.heroImage.trim() || null,
          body: props.body,
        },
      }).then(
        (w) => current && setWeight(w),
        // Only advice: publishing weighs again and refuses with the figure.
        () => current && setWeight(null),
      )
    }, SETTLE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [props.heroImage, props.body])
  if (!weight) return null
  const over = weight.bytes > weight.budgetBytes
  const size = (bytes: number) => formatBytes(locale.value, bytes)
  return (
    <div class={`image-weight${over ? ' notice' : ''}`} aria-live="polite">
      <p class="hint">
        {weight.images === 0
          ? t('cms.weight.none')
          : t('cms.weight.line', {
              count: weight.images,
              size: size(weight.bytes),
              budget: size(weight.budgetBytes),
            })}
      </p>
      {over && <p>{t('cms.weight.over', { budget: size(weight.budgetBytes) })}</p>}
    </div>
  )
}
