import { useState } from 'preact/hooks'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { Problem } from './cms-parts.js'

/** The text as the public site will show it, rendered by the server's publishing renderer. */
export function Preview(props: { title: string; body: string; locale: string }) {
  const [html, setHtml] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const show = async () => {
    try {
      setFailure(null)
      setHtml(
        (
          await apiPost('/cms/preview', {
            body: {
              title: props.title,
              body: props.body,
            },
          })
        ).html,
      )
    } catch (error) {
      setFailure(error)
    }
  }
  return (
    <section class="preview-panel" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('cms.preview.title')}</h2>
      <button type="button" onClick={show}>
        {t('cms.action.preview')}
      </button>
      {failure !== null && <Problem error={failure} />}
      {html === null ? (
        <p class="hint">{t('cms.preview.empty')}</p>
      ) : (
        <article class="preview" lang={props.locale} aria-live="polite">
          <h1>{props.title}</h1>
          {/* The server's sanitising Markdown renderer made this HTML (the same one that
              publishes): raw HTML is escaped, links are allowlisted, images are our own. */}
          <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
        </article>
      )}
    </section>
  )
}
